"""Print the size of every module of `pipeline/` and every function over the limits.

    python scripts/code_size.py [--all]

The house rules: modules under 500 lines, functions under 60 (docstring included). Prints the
modules by size (with --all, every module; else only those over the limit), then each function
over its limit with its length; exits 1 when anything is over.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def function_sizes(path: Path) -> list[tuple[str, int, int]]:
    """(qualified name, first line, number of lines) of every function defined in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
                out.append((name, child.lineno, child.end_lineno - child.lineno + 1))
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the counts; 1 when a module or function is over its limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every module, not only the long ones")
    args = parser.parse_args(argv)
    over = 0
    modules = sorted(PACKAGE.rglob("*.py"))
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in modules}
    for path, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
        long = n >= MAX_MODULE_LINES
        over += long
        if long or args.all:
            print(f"{n:6d}  {path.relative_to(PACKAGE.parent)}{'  OVER' if long else ''}")
    for path in modules:
        for name, line, n in function_sizes(path):
            if n >= MAX_FUNCTION_LINES:
                over += 1
                print(f"function {path.relative_to(PACKAGE.parent)}:{line} {name}: {n} lines  OVER")
    print(f"{len(modules)} modules, {sum(sizes.values())} lines; {over} over the limits "
          f"({MAX_MODULE_LINES} lines a module, {MAX_FUNCTION_LINES} a function)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
