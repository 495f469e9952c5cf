from citeextract.output.tokenize import sentences, tokenize

TEXT = ("Tiếp tục tuyên truyền Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ. "
        "Nghị định 61/2018/NĐ-CP quy định.\nTheo Luật Đất đai năm 2013.")


def test_citations_and_dates_are_single_tokens():
    toks = tokenize(TEXT)
    assert [(t.text, t.kind) for t in toks if t.kind != "word" and t.kind != "punct"] == [
        ("Nghị quyết 30c/NQ-CP", "citation"), ("ngày 08/11/2011", "date"),
        ("Nghị định 61/2018/NĐ-CP", "citation"), ("Luật Đất đai năm 2013", "named")]
    assert ("Chính phủ", "word") in [(t.text, t.kind) for t in toks]
    assert all(TEXT[t.start:t.end] == t.text for t in toks)


def test_sentences_do_not_cut_citations():
    spans = sentences(TEXT)
    assert [TEXT[s:e] for s, e in spans] == [
        "Tiếp tục tuyên truyền Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ.",
        "Nghị định 61/2018/NĐ-CP quy định.", "Theo Luật Đất đai năm 2013."]
