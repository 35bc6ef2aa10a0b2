"""README's check examples are what the command prints now."""

import os
import re
import shlex

from guidingcenter.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def examples():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as stream:
        text = stream.read()
    block = re.search(r"<!-- check-example -->\n```sh\n(.*?)```", text, re.S).group(1)
    runs = re.split(r"^\$ ", block, flags=re.M)[1:]
    for run in runs:
        command, _, output = run.partition("\n")
        yield shlex.split(command), output


def test_check_examples_match(capsys):
    found = list(examples())
    assert len(found) >= 2
    for argv, expected in found:
        assert argv[0] == "guidingcenter"
        assert main(argv[1:]) == 0
        assert capsys.readouterr().out == expected
