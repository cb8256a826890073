"""HTML mail bodies as text: the tags each step of `html_to_text` rewrites are those
BeautifulSoup's `find_all` finds, in any tag soup, and a table, a list and a link read as
they should."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sopan.read.html import _BLOCKS, _tags, html_to_text

_PIECES = ["<p>", "</p>", "<br>", "<br/>", "<a href='https://x.example/a'>", "</a>", "<li>",
           "</li>", "<ul>", "</ul>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<table>",
           "</table>", "<div>", "</div>", "<script>x</script>", "<head><title>t</title></head>",
           "<TR>", "<TD>", "<o:p>", "</o:p>", "<!-- c -->", "kata", " : ", "\n",
           "&nbsp;"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50).map("".join))
def test_the_tags_each_step_rewrites_are_find_all_s(html: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for names in (("script", "style", "head"), ("br",), ("a",), ("li",), ("tr",), _BLOCKS):
        assert [id(t) for t in _tags(soup, names)] == [id(t) for t in soup.find_all(names)]


def test_a_table_a_list_and_a_link_read_as_text() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><table><tr><td>Posisi</td><td>Analis</td>"
        "</tr></table><ul><li>CV</li><li>KTP</li></ul><p><a href='https://maju.example/j'>"
        "Lamar</a><br>Salam</p></body></html>"
    )
    assert html_to_text(html) == (
        "Posisi : Analis\n\n- CV\n\n- KTP\n\nLamar (https://maju.example/j)\nSalam"
    )
