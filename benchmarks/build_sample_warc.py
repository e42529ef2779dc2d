"""Build samples/warc/cc-news-sample.warc.gz: a small WARC in the shape of Common Crawl's CC-NEWS.

It holds a warcinfo record, then a request and a response record for each of three news pages
written for dateline's samples (the pages below; no page is fetched). Dates and record ids are
fixed, so running this again writes the same bytes:

    .venv/bin/python benchmarks/build_sample_warc.py
"""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent.parent / "samples" / "warc" / "cc-news-sample.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}">
</head><body>
<header><a href="/">{outlet}</a> <nav><a href="/news">News</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/health">Health</a></nav></header>
<div id="cookie-notice">This site uses cookies. <button>Accept</button></div>
<article><h1>{title}</h1><p class="byline">By {author}</p>
{body}
<div class="share-tools">Share this article: Facebook | X | Email</div>
</article>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<footer>© 2025 {outlet}. All rights reserved.</footer>
</body></html>
"""

PAGES = [
    {
        "url": "https://www.gulfobserver.example/politics/iran-us-talks-muscat",
        "outlet": "Gulf Observer", "published": "2025-05-10T08:30:00+04:00", "fetched": "2025-05-10T09:12:44Z",
        "title": "Iran and US to hold fourth round of talks in Muscat, officials say",
        "author": "Rami Haddad",
        "related": "<li>Oil prices steady as talks resume</li><li>What is on the table in the nuclear talks</li>",
        "body": """
<p>MUSCAT, May 10 — Iranian and U.S. negotiators will meet in Oman's capital on Sunday for a fourth round of indirect talks on Iran's nuclear programme, officials from both countries said, despite sharp public disagreement over uranium enrichment.</p>
<p>An Iranian official quoted by the semi-official Tasnim news agency said Tehran's delegation would "not discuss our right to enrichment under any circumstances." A U.S. official, speaking on condition of anonymity, told reporters in Washington that any deal would have to "close every pathway to a bomb."</p>
<p>Oman's foreign minister, who has carried messages between the two delegations since April, said in a post on X that the talks were "making steady progress" and that both sides had shown "seriousness."</p>
<p>Hardline lawmakers in Tehran have denounced the negotiations. One of them called the U.S. envoy "the representative of the Great Satan" in a speech in parliament on Wednesday. In Washington, a group of Republican senators wrote to the president last week warning against "another Obama-style giveaway to the ayatollahs."</p>
<p>According to the International Atomic Energy Agency's latest quarterly report, Iran has enough uranium enriched to 60 percent purity for several weapons if refined further, a step Iran says it has no intention of taking.</p>
<p>People familiar with the talks said the sides were discussing a framework under which Iran would cap enrichment in exchange for the lifting of some oil sanctions. They cautioned that no text had been agreed.</p>
""",
    },
    {
        "url": "https://www.northgatepost.example/uk/nurses-strike-second-week",
        "outlet": "Northgate Post", "published": "2025-01-15T07:00:00Z", "fetched": "2025-01-15T10:02:11Z",
        "title": "Nurses' strike enters second week as talks break down",
        "author": "Priya Natarajan",
        "related": "<li>Hospital waiting lists reach record high</li><li>Junior doctors vote on new pay offer</li>",
        "body": """
<p>LONDON — A strike by nurses in England entered its second week on Wednesday after talks between the union and the health department broke down late on Tuesday night, with both sides blaming the other.</p>
<p>The Royal College of Nursing said the government's offer of a 4.5 percent pay rise was "an insult to a workforce that held the health service together through the pandemic." Its general secretary told a rally outside Parliament that nurses were "not greedy, we are exhausted."</p>
<p>The health secretary said the union's demands were "unaffordable" and accused its leaders of "holding patients hostage for a political campaign." A senior government source said ministers believed the union was "playing politics ahead of the local elections."</p>
<h2>Operations postponed</h2>
<p>NHS England said about 31,000 appointments and operations had been postponed in the first week of the strike, according to figures released on Tuesday. Emergency and cancer care have been exempt from the walkout.</p>
<p>Patients' groups urged both sides to return to talks. "Every week of this dispute is another week of pain for people on waiting lists," said the chief executive of a patients' charity.</p>
<p>The union said it would announce further strike dates next month if no new offer was made.</p>
""",
    },
    {
        "url": "https://www.harbourtimes.example/business/argentina-imf-deal",
        "outlet": "Harbour Times", "published": "2025-04-08T15:45:00-03:00", "fetched": "2025-04-08T19:30:02Z",
        "title": "Argentina reaches $20 billion deal with IMF, economy minister says",
        "author": "Sofía Benítez",
        "related": "<li>Peso slides as markets await IMF decision</li><li>Inflation slows for fifth straight month</li>",
        "body": """
<p>BUENOS AIRES, April 8 (HT) — Argentina has reached a staff-level agreement with the International Monetary Fund for a new $20 billion loan, Economy Minister Julián Torres said on Tuesday, in a deal the government says will allow it to lift most currency controls.</p>
<p>"This is the end of the trap that has strangled Argentine businesses for a decade," Torres told a news conference in Buenos Aires. The IMF confirmed the agreement in a statement, saying it supported the government's "strong fiscal anchor."</p>
<p>The loan still needs approval from the fund's executive board, which people familiar with the matter said could come as soon as Friday.</p>
<p>Opposition lawmakers from the Peronist bloc said the deal would mortgage the country's future. "They are selling our sovereignty to Washington and calling it freedom," one of them said in Congress, describing the government's spending cuts as "a chainsaw taken to the poor."</p>
<p>Supporters of the president hailed the agreement. A pro-government economist wrote on social media that the deal marked "the final defeat of the parasitic state."</p>
<p>Argentina already owes the IMF about $41 billion from a 2018 loan, according to the fund's figures.</p>
""",
    },
]


def _record_id(url: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ':' + url)}>"


def build(out: Path = OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    info = writer.create_warcinfo_record(out.name, {"software": "dateline benchmarks/build_sample_warc.py",
                                                     "format": "WARC File Format 1.1",
                                                     "description": "three sample news pages written for dateline"})
    info.rec_headers.replace_header("WARC-Date", "2025-05-10T00:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", _record_id(out.name, "warcinfo"))
    writer.write_record(info)
    for page in PAGES:
        html = PAGE.format(**page).encode("utf-8")
        common = {"WARC-Date": page["fetched"]}
        request = writer.create_warc_record(
            page["url"], "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"GET {page['url'].split('.example', 1)[1]} HTTP/1.1",
                                          [("Host", page["url"].split("/")[2]), ("User-Agent", "dateline-samples")],
                                          is_http_request=True),
            warc_headers_dict={**common, "WARC-Record-ID": _record_id(page["url"], "request")})
        response = writer.create_warc_record(
            page["url"], "response", payload=io.BytesIO(html), length=len(html),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(html)))], protocol="HTTP/1.1"),
            warc_headers_dict={**common, "WARC-Record-ID": _record_id(page["url"], "response")})
        writer.write_record(request)
        writer.write_record(response)
    out.write_bytes(buffer.getvalue())
    return out


if __name__ == "__main__":
    print(build())
