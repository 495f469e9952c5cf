from pathlib import Path

from click.testing import CliRunner

from citeextract.cli import main
from citeextract.corpus.exports import read_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "corpora" / "seeds")


def test_graph_and_stats(tmp_path):
    out = tmp_path / "g.graphml"
    r = CliRunner().invoke(main, ["graph", SEEDS, "-o", str(out)])
    assert r.exit_code == 0, r.output
    g = read_graph(out)
    assert "61/2018/NĐ-CP" in g
    s = CliRunner().invoke(main, ["stats", str(out)])
    assert s.exit_code == 0 and "61/2018/NĐ-CP" in s.output and "Conflicts" in s.output


def test_missing_input_is_reported_and_rest_processed(tmp_path):
    out = tmp_path / "g.json"
    r = CliRunner().invoke(main, ["graph", SEEDS, str(tmp_path / "nope.txt"), "-o", str(out)])
    assert r.exit_code == 1
    assert "nope.txt: no such file" in r.output and "Traceback" not in r.output
    assert read_graph(out).number_of_nodes() > 5


def test_unknown_format_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(main, ["graph", SEEDS, "-o", str(tmp_path / "g.xyz")])
    assert r.exit_code == 2 and "--format" in r.output and "Traceback" not in r.output


def test_stats_of_missing_graph(tmp_path):
    r = CliRunner().invoke(main, ["stats", str(tmp_path / "none.graphml")])
    assert r.exit_code == 1 and "no such file" in r.output


def test_annotate(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("<script>x</script> Nghị định 61/2018/NĐ-CP", encoding="utf-8")
    r = CliRunner().invoke(main, ["annotate", str(src), "-o", str(tmp_path / "a.html")])
    assert r.exit_code == 0
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "<mark" in html
    r = CliRunner().invoke(main, ["annotate", str(tmp_path / "none.txt")])
    assert r.exit_code == 1 and "no such file" in r.output and "Traceback" not in r.output
