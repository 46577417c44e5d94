"""The one dependency rule (DESIGN.md, Layout): imports point one way, bot -> commands -> storage, and only
bot/ talks to chat platforms' SDKs."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLATFORM_SDKS = ("slack_bolt", "slack_sdk", "microsoft_teams")


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    module: str  # absolute, dotted

    def __str__(self) -> str:
        where = self.file.relative_to(ROOT) if self.file.is_relative_to(ROOT) else self.file.name
        return f"{where}:{self.line} imports {self.module}"


def _package_of(path: Path, root: Path) -> list[str]:
    """The package a file's relative imports start from: its folder's dotted path (for any file)."""
    return list(path.relative_to(root).parts[:-1])


def imports_in(path: Path, root: Path = ROOT) -> list[Import]:
    """Every module a file imports, anywhere in it (inside functions and `if TYPE_CHECKING:` too),
    with relative imports made absolute and `importlib.import_module("x")` / `__import__("x")` included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(path, root)
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(Import(path, node.lineno, module))
            found += [Import(path, node.lineno, f"{module}.{alias.name}") for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append(Import(path, node.lineno, node.args[0].value))
    return found


def python_files(*folders: str) -> list[Path]:
    files = [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))]
    return [p for p in files if ".venv" not in p.parts and "__pycache__" not in p.parts]


def is_under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [str(i) for f in files for i in imports_in(f) if any(is_under(i.module, p) for p in forbidden)]


def test_there_is_code_to_check() -> None:
    assert len(python_files("commands")) >= 10
    assert len(python_files("storage")) >= 5
    assert (ROOT / "storage" / "migrations" / "env.py") in python_files("storage")


def test_commands_never_import_bot() -> None:
    assert violations(python_files("commands"), ("bot",)) == []


def test_storage_never_imports_commands_or_bot() -> None:
    assert violations(python_files("storage"), ("commands", "bot")) == []


# Outside the application: tests drive the real Bolt app, and bench/ compares Rounds with a bare Bolt app.
NOT_APPLICATION = {"bot", "tests", "bench"}


def test_only_bot_imports_platform_sdks() -> None:
    folders = sorted(
        p.name
        for p in ROOT.iterdir()
        if p.is_dir()
        and p.name not in NOT_APPLICATION
        and not p.name.startswith(".")
        and not p.name.endswith(".egg-info")
    )
    assert {"commands", "storage"} <= set(folders)
    files = python_files(*folders) + sorted(ROOT.glob("*.py"))
    assert violations(files, PLATFORM_SDKS) == []


def test_sdks_as_prefixes_are_matched_loosely() -> None:
    """`microsoft_teams` is a family (microsoft_teams.apps, microsoft_teams.api, …): any module that
    starts with a forbidden name counts, whether imported as a package or a submodule."""
    assert is_under("microsoft_teams.apps", "microsoft_teams")
    assert is_under("slack_sdk", "slack_sdk")
    assert not is_under("slack_sdkx", "slack_sdk")


# -- the checker itself must be able to fail --------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "where", "module"),
    [
        ("import bot.cli\n", "commands/x.py", "bot.cli"),
        ("from bot import settings\n", "commands/x.py", "bot"),
        ("def f():\n    from bot.console import repl\n", "commands/x.py", "bot.console"),
        ("from ..bot import cli\n", "commands/sub/x.py", "commands.bot"),
        ("from .. import bot\n", "commands/grammar/x.py", "commands.bot"),
        ("import importlib\nimportlib.import_module('slack_sdk.web')\n", "storage/x.py", "slack_sdk.web"),
        ("from slack_bolt.adapter import x\n", "storage/x.py", "slack_bolt.adapter"),
        ("import microsoft_teams.apps as t\n", "commands/x.py", "microsoft_teams.apps"),
    ],
)
def test_the_checker_sees_imports(tmp_path: Path, source: str, where: str, module: str) -> None:
    path = tmp_path / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    assert module in [i.module for i in imports_in(path, root=tmp_path)]


def test_a_real_violation_would_be_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from bot.settings import load\nimport slack_sdk\n")
    assert violations([bad], ("bot",)) == ["bad.py:1 imports bot.settings", "bad.py:1 imports bot.settings.load"]
    assert violations([bad], PLATFORM_SDKS) == ["bad.py:2 imports slack_sdk"]
