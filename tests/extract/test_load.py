import httpx
import pytest

from ruydad.errors import InputError
from ruydad.extract import load_document, read_jsonl
from ruydad.extract.load import fetch_url


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline here\n\nKABUL, Afghanistan (Jan. 25, 2013)\nBody.", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Headline here" and doc.id.startswith("doc-")


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same.", encoding="utf-8")
    assert load_document(tmp_path / "a.txt").id == load_document(tmp_path / "b.txt").id


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        load_document(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")


def test_bad_published_option(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        load_document(tmp_path / "a.txt", published="30/08/2022")


def test_url_fetch_and_size_limit():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/big":
            return httpx.Response(200, content=b"x" * 2000, headers={"content-type": "text/plain"})
        if request.url.path == "/missing":
            return httpx.Response(404)
        return httpx.Response(200, content=b"<html><body><p>Hello</p></body></html>",
                              headers={"content-type": "text/html"})

    transport = httpx.MockTransport(handler)
    body, content_type = fetch_url("https://example.org/a", transport=transport)
    assert b"Hello" in body and "html" in content_type
    with pytest.raises(InputError, match="more than"):
        fetch_url("https://example.org/big", transport=transport, max_bytes=1000)
    with pytest.raises(InputError, match="404"):
        fetch_url("https://example.org/missing", transport=transport)
    with pytest.raises(InputError, match="only http"):
        fetch_url("file:///etc/passwd")


def test_jsonl_lines_keep_ids_and_dates():
    docs = list(read_jsonl(['{"id": 7, "text": "a", "published": "2022-08-30"}', "", '{"id": "b", "text": "c"}']))
    assert [d.id for d in docs] == ["7", "b"]
    assert str(docs[0].published) == "2022-08-30" and docs[1].published is None


def test_jsonl_bad_line_names_its_number():
    with pytest.raises(InputError, match="line 2"):
        list(read_jsonl(['{"text": "a"}', "not json"]))


def test_html_file_by_extension(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>T</title><script>steal()</script></head><body><article><p>Coalition "
                    "forces killed one insurgent in Kunar province yesterday, officials said on Tuesday.</p>"
                    "</article></body></html>", encoding="utf-8")
    doc = load_document(path, published="2011-02-01")
    assert "steal" not in doc.text and "Kunar" in doc.text
    assert str(doc.published) == "2011-02-01"


def test_html_with_only_scripts_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        load_document(path)


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    import ruydad.extract.load as load

    monkeypatch.setattr(load, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("x" * 500, encoding="utf-8")
    with pytest.raises(InputError, match="more than"):
        load_document(path)
