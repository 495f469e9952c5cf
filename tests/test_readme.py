"""The README's examples are real output: every console block and every >>> line is rerun."""
import doctest
import os
import shlex
from pathlib import Path

import regex
from click.testing import CliRunner

from citeextract.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_blocks():
    """``(command, output, exit status)``; a block preceded by ``<!-- exit N -->`` exits N."""
    for m in regex.finditer(r"(?:<!-- exit (\d) -->\n)?```console\n\$ (citeextract [^\n]*)\n(.*?)```",
                            README, flags=regex.S):
        yield m.group(2), m.group(3), int(m.group(1) or 0)


def test_readme_has_console_examples():
    assert len(list(console_blocks())) >= 1


def test_console_examples_print_what_the_readme_shows():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for command, expected, status in console_blocks():
            args = shlex.split(command)[1:]
            result = CliRunner().invoke(main, args)
            assert result.exit_code == status, result.output
            assert result.output == expected, command
    finally:
        os.chdir(cwd)


def test_python_examples():
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README", str(ROOT / "README.md"), 0)
    assert test.examples, "the README has no >>> examples"
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


def test_ci_runs_the_readme_test_command():
    blocks = regex.findall(r"```bash\n([^\n]*)\n```", README)
    test_command = next(b for b in blocks if b.endswith("pytest"))
    assert "requirements.lock" in test_command
    assert test_command in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
