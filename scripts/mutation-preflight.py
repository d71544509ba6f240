#!/usr/bin/env python3
"""Refuses a mutation run whose project Stryker.NET would change without any mutant active.

Stryker.NET (5.1.0) starts every method that has an `out` parameter with `param = default;` so that a mutant which
removes the real assignment still compiles. A call that passes one variable both by reference (`in`/`ref`) and as
that `out` (`TryMul(result, ten, out result)`) then reads zero where it read the variable: the mutated assembly
computes something else even with no mutant active, every test that reaches the call fails for every mutant, and
Stryker reports false kills (how the AMM and governance runs came to 100 %: Amount.Parse returned 0 for
"1000000000000000000000", so every test chain's genesis was refused). Stryker's initial test run uses the unmutated
build and cannot see this.

    scripts/mutation-preflight.py PROJECT_DIR

Lists each call in PROJECT_DIR's sources that passes a variable as `out` and as another argument of a method whose
declaration (any overload of that name in the project) has an `in` or `ref` parameter; exits 1 when there is one.
A textual check: it sees calls and declarations written in the usual way, which is how this code base writes them.
"""
import pathlib
import re
import sys


def strip(text: str) -> str:
    """Blanks comments and the contents of string and char literals, keeping offsets and line breaks."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] in "\"'":
            quote = text[i]
            j = i + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(quote + " " * (min(j, n) - i - 1) + (quote if j < n else ""))
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def enclosing_call(code: str, pos: int):
    """The method name and argument text of the call whose argument list holds offset pos, or None."""
    depth, i = 0, pos - 1
    while i >= 0:
        c = code[i]
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                break
            depth -= 1
        elif c == ";" and depth == 0:
            return None
        i -= 1
    if i < 0 or code[i] != "(":
        return None
    name = re.search(r"([A-Za-z_]\w*)\s*(?:<[^<>()]*>)?\s*$", code[:i])
    depth, j = 0, i + 1
    while j < len(code):
        c = code[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                break
            depth -= 1
        j += 1
    return (name.group(1) if name else None), code[i + 1:j]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    files = [p for p in root.rglob("*.cs") if not ({"bin", "obj"} & set(p.relative_to(root).parts))]
    sources = {p: strip(p.read_text(encoding="utf-8-sig")) for p in files}
    # method name -> whether some declaration of it has an in/ref parameter
    by_ref = {}
    declaration = re.compile(r"\b([A-Za-z_]\w*)\s*(?:<[^<>()]*>)?\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:=>|\{|where\b)")
    for code in sources.values():
        for m in declaration.finditer(code):
            if re.search(r"(?:^|[,(]\s*|\s)(?:in|ref|scoped ref)\s+[\w.<>\[\]?,]+\s+\w+", m.group(2)):
                by_ref[m.group(1)] = True
    found = []
    for path, code in sorted(sources.items()):
        for m in re.finditer(r"\bout\s+([A-Za-z_][\w.]*)\s*(?=[,)])", code):
            variable = m.group(1)
            call = enclosing_call(code, m.start())
            if call is None or call[0] is None or not by_ref.get(call[0]):
                continue
            others = call[1].replace(m.group(0), " ", 1)
            if re.search(r"(?<![\w.])" + re.escape(variable) + r"(?![\w])", others):
                line = code.count("\n", 0, m.start()) + 1
                found.append(f"  {path.relative_to(root)}:{line}: {call[0]}(... {variable} ..., out {variable})")
    if found:
        print("mutate: INVALID setup: these calls pass one variable by reference and as an out argument; Stryker's "
              "out-parameter initialisation changes what they compute with no mutant active (false kills). "
              "Give the out argument its own variable:", file=sys.stderr)
        print("\n".join(found), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
