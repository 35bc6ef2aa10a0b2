"""The LaTeX lexer: tokens with their positions, and the tables of commands it knows."""

import re
import unicodedata

import sympy as sp

from guidingcenter.check.algebra import FUNCTIONS
from guidingcenter.check.errors import ParseError

__all__ = ["Token", "tokens", "braced", "GREEK", "DECORATIONS", "FUNCTION_COMMANDS",
           "FONT_SWITCHES", "RELATION_KINDS",
           "OPERATOR_NAMES", "INVERSES", "RELATIONS", "REFUSED_RELATIONS", "TEXT_COMMANDS",
           "MATRIX_ENVIRONMENTS", "CLOSING", "UNIT", "DEGREE"]

GREEK = set("""alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
    lambda mu nu xi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega ell
    Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega""".split())
# Greek letters spelled out without a backslash, as plain-text docstrings do (not the
# two-letter mu, nu, xi, pi, which may be products)
_GREEK_WORDS = {name for name in GREEK if len(name) > 2 and name != "ell"}
DECORATIONS = {r"\vec": r"\vec", r"\mathbf": r"\vec", r"\boldsymbol": r"\vec", r"\bm": r"\vec",
               r"\overrightarrow": r"\vec", r"\pmb": r"\vec", r"\mathbold": r"\vec",
               r"\bold": r"\vec", r"\textbf": r"\vec", r"\mathbfit": r"\vec",
               r"\hat": r"\hat", r"\widehat": r"\hat", r"\mathcal": r"\mathcal",
               r"\mathscr": r"\mathcal", r"\dot": r"\dot", r"\ddot": r"\ddot",
               r"\bar": r"\bar", r"\tilde": r"\tilde"}
# Old TeX font switches: they change the font of what follows in their group.
FONT_SWITCHES = {r"\bf": r"\mathbf", r"\boldmath": r"\mathbf", r"\cal": r"\mathcal",
                 r"\mit": None, r"\it": None, r"\rm": None, r"\sf": None, r"\tt": None,
                 r"\em": None, r"\sl": None, r"\normalfont": None}
# Wrappers whose argument is the formula itself.
TRANSPARENT = {r"\boxed", r"\fbox", r"\bbox", r"\framebox", r"\mathstrut", r"\ensuremath",
               r"\underline", r"\overline", r"\cancel", r"\underbrace", r"\overbrace"}
# Dropped with their argument: equation numbers, labels, references.
DROPPED_WITH_ARGUMENT = {r"\tag", r"\tag*", r"\label", r"\eqref", r"\ref", r"\hspace",
                         r"\vspace", r"\hspace*", r"\phantom", r"\hphantom", r"\vphantom",
                         r"\color", r"\cite", r"\footnote", r"\index", r"\kern", r"\mkern"}
FUNCTION_COMMANDS = {
    r"\sin": sp.sin, r"\cos": sp.cos, r"\tan": sp.tan, r"\cot": sp.cot, r"\sec": sp.sec,
    r"\csc": sp.csc, r"\sinh": sp.sinh, r"\cosh": sp.cosh, r"\tanh": sp.tanh, r"\coth": sp.coth,
    r"\arcsin": sp.asin, r"\arccos": sp.acos, r"\arctan": sp.atan, r"\ln": sp.log,
    r"\log": sp.log, r"\exp": sp.exp,
}
OPERATOR_NAMES = {**{name: FUNCTIONS[name][0] for name in (
                          "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                          "tanh", "asinh", "acosh", "atanh", "exp", "log", "Abs", "sign")},
                   "atan2": sp.atan2, "sgn": sp.sign, "arcsin": sp.asin, "arccos": sp.acos,
                   "arctan": sp.atan, "arsinh": sp.asinh, "arcosh": sp.acosh,
                   "artanh": sp.atanh, "arctanh": sp.atanh, "ln": sp.log}
INVERSES = {sp.sin: sp.asin, sp.cos: sp.acos, sp.tan: sp.atan, sp.sinh: sp.asinh,
             sp.cosh: sp.acosh, sp.tanh: sp.atanh}
RELATIONS = {"=", r"\approx", r"\simeq", r"\equiv", r"\sim", r"\cong", r"\doteq", r"\coloneqq",
             r"\propto", r"\triangleq", r"\eqsim", r"\thickapprox", r"\approxeq", r"\backsimeq",
             r"\thicksim", r"\eqqcolon", r"\Colonequals"}
# How each relation is judged: exactly, as an approximation, or up to a constant factor.
RELATION_KINDS = {**{name: "exact" for name in ("=", ":=", r"\equiv", r"\coloneqq", r"\doteq",
                                                r"\triangleq", r"\eqqcolon", r"\Colonequals")},
                  **{name: "approximate" for name in (r"\approx", r"\simeq", r"\cong",
                                                      r"\thickapprox", r"\approxeq",
                                                      r"\eqsim", r"\backsimeq")},
                  **{name: "proportional" for name in (r"\propto", r"\sim", r"\thicksim")}}
REFUSED_RELATIONS = {"<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\ll", r"\gg", r"\neq",
                      r"\ne", r"\to", r"\rightarrow", r"\Rightarrow", r"\implies",
                      r"\xrightarrow", r"\longrightarrow", r"\mapsto", r"\iff"}
SPACING = {r"\quad", r"\qquad", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace",
            r"\negthinspace", r"\negmedspace"}
IGNORED = {r"\displaystyle", r"\textstyle", r"\scriptstyle", r"\scriptscriptstyle",
           r"\limits", r"\nolimits", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigm", r"\Bigm",
           r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr",
           r"\nonumber", r"\notag", r"\allowbreak", r"\nobreak", r"\large", r"\Large",
           r"\LARGE", r"\huge", r"\Huge", r"\small", r"\footnotesize", r"\normalsize",
           r"\scriptsize", r"\tiny", r"\relax", r"\middle",
           r"\mathstrut", r"\strut", r"\/"}
TEXT_COMMANDS = {r"\text", r"\textrm", r"\textit", r"\textup", r"\textnormal", r"\mathrm",
                 r"\mathit", r"\mathsf", r"\mathtt", r"\mathnormal", r"\operatorname",
                 r"\mbox", r"\textsf", r"\texttt", r"\hbox"}
SKIPPED_ENVIRONMENTS = {"equation", "equation*", "displaymath", "math", "align", "align*",
                        "eqnarray", "eqnarray*", "gather", "gather*", "multline", "multline*",
                        "aligned", "split", "flalign", "flalign*", "alignat", "alignat*",
                        "gathered", "dmath", "dmath*", "cases", "subequations",
                        "IEEEeqnarray", "IEEEeqnarray*"}
MATRIX_ENVIRONMENTS = {"matrix", "pmatrix", "bmatrix"}
DELIMITERS = {"(": "(", ")": ")", "[": "[", "]": "]", "|": "|", ".": ".", r"\{": r"\{",
               r"\}": r"\}", r"\|": "|", r"\langle": r"\langle", r"\rangle": r"\rangle",
               r"\lvert": "|", r"\rvert": "|", r"\vert": "|"}
CLOSING = {"(": ")", "[": "]", r"\{": r"\}", "|": "|", r"\langle": r"\rangle"}
UNIT = re.compile(r"(?:[kMGmunpµ]?(?:Hz|eV|T|s|m|A|J|V|W|C|K|g)|secs?|hours?|h|min(?:utes?)?"
                   r"|days?|years?|Tage?|Am)(?:\^?\{?-?\d+\}?)?")
DEGREE = object()


class Token:
    __slots__ = ("kind", "text", "value", "position", "end", "spaced", "wide")

    def __init__(self, kind, text, position, end, value="", spaced=False, wide=False):
        self.kind, self.text, self.position, self.end = kind, text, position, end
        self.value, self.spaced, self.wide = value, spaced, wide

    def __repr__(self):
        return f"{self.kind}:{self.text}"


def unicode_letter(char):
    """``(decoration, letter)`` for a mathematical alphanumeric symbol (bold v, italic
    B ...), or None: a document pasted from a PDF or a web page carries them."""
    name = unicodedata.name(char, "")
    if name.startswith("SCRIPT CAPITAL ") and len(name) == len("SCRIPT CAPITAL X"):
        return r"\mathcal", name[-1]                                       # the script E
    if not name.startswith("MATHEMATICAL "):
        return None
    decoration = r"\mathbf" if "BOLD" in name else ""
    plain = unicodedata.normalize("NFKC", char)
    if len(plain) != 1:
        return None
    if plain.isascii() and plain.isalpha():
        return decoration, plain
    command = unicode_command(plain)
    return (decoration, command) if command and command[1:] in GREEK else None


def unicode_command(char):
    name = unicodedata.name(char, "")
    for prefix, case in (("GREEK SMALL LETTER ", str.lower),
                         ("GREEK CAPITAL LETTER ", str.title)):
        if name.startswith(prefix) and " " not in name[len(prefix):]:
            return "\\" + case(name[len(prefix):].replace("LAMDA", "LAMBDA"))
    return {"×": r"\times", "·": r"\cdot", "∇": r"\nabla", "≈": r"\approx", "∥": r"\parallel",
            "⊥": r"\perp", "⟂": r"\perp", "∂": r"\partial", "≃": r"\simeq", "≡": r"\equiv",
            "∝": r"\propto", "∼": r"\sim", "∮": r"\oint", "∫": r"\int", "⋅": r"\cdot",
            "∗": "*", "≪": r"\ll", "≫": r"\gg", "≤": r"\le", "≥": r"\ge", "√": r"\sqrt",
            "π": r"\pi", "∞": r"\infty", "±": r"\pm", "∓": r"\mp", "⟨": r"\langle",
            "⟩": r"\rangle", "∑": r"\sum", "′": "'"}.get(char)


def braced(text, i, fail):
    """The raw text of the brace group starting at ``text[i] == '{'`` and the index after it."""
    depth, j = 0, i
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1:j], j + 1
        j += 1
    raise fail("unclosed { (missing })", i)


def _unwrapped(text):
    """``\\boxed{x}`` (and the other transparent wrappers) as ``x``, with blanks in place
    of the command and its braces so that every column stays where it was."""
    pattern = re.compile(r"\\(" + "|".join(sorted((c[1:] for c in TRANSPARENT), key=len,
                                                     reverse=True)) + r")(?![A-Za-z])")
    while True:
        match = pattern.search(text)
        if match is None:
            return text
        i = match.end()
        i += len(re.match(r"\s*", text[i:]).group())
        if text.startswith("[", i) and "]" in text[i:]:          # \bbox[options]
            i = text.index("]", i) + 1
        if not text.startswith("{", i):
            text = text[:match.start()] + " " * (i - match.start()) + text[i:]
            continue
        try:
            _, end = braced(text, i, lambda reason, at: ValueError(reason))
        except ValueError:
            return text
        label = end                        # \underbrace{x}_{=0}: the label goes too
        if match.group(1) in ("underbrace", "overbrace"):
            after = end + len(re.match(r"\s*", text[end:]).group())
            if text.startswith(("_{", "^{"), after):
                try:
                    _, label = braced(text, after + 1, lambda reason, at: ValueError(reason))
                except ValueError:
                    label = end
            elif text[after:after + 1] in ("_", "^") and after + 2 <= len(text):
                label = after + 2
        text = (text[:match.start()] + " " * (i + 1 - match.start()) + text[i + 1:end - 1] +
                " " * (1 + label - end) + text[label:])


_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "¼": (1, 4), "¾": (3, 4), "⅔": (2, 3), "⅛": (1, 8)}


def tokens(text):
    """Lex LaTeX into tokens; check that braces balance."""
    def fail(reason, start, end=None):
        return ParseError(reason, text, start, end, "LaTeX")

    text = _unwrapped(text)

    tokens, braces, i, n, spaced, wide = [], [], 0, len(text), False, False

    def emit(kind, value_text, start, end, value=""):
        nonlocal spaced, wide
        tokens.append(Token(kind, value_text, start, end, value, spaced, wide))
        spaced = wide = False

    while i < n:
        char, start = text[i], i
        if char.isspace() or char == "$":
            i += 1
        elif char == "~":
            spaced, i = True, i + 1
        elif text.startswith("_∇", i) and text[i + 2:i + 3].isalpha():
            # v_∇B typed in Unicode is v_{∇B} (in LaTeX, v_\nabla B is v_∇ times B)
            for kind, value in (("char", "_"), ("char", "{"), ("cmd", r"\nabla"),
                                ("letter", text[i + 2]), ("char", "}")):
                emit(kind, value, start, i + 3)
            i += 3
        elif char == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", text[i:], re.DOTALL)
            if match is None:
                raise fail("a lone backslash at the end", start)
            command = match.group()
            i += len(command)
            if command in (r"\,", r"\;", r"\!", r"\:", r"\>", "\\ ") or command in SPACING:
                spaced = True
                wide = wide or command in (r"\quad", r"\qquad")
            elif command in DROPPED_WITH_ARGUMENT or (command in (r"\tag", r"\hspace")
                                                      and text.startswith("*", i)):
                i += text.startswith("*", i)
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip < n and text[i + skip] == "{":
                    _, i = braced(text, i + skip, fail)
                spaced = True
            elif command == r"\textcolor":                              # \textcolor{c}{x}
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip < n and text[i + skip] == "{":
                    _, i = braced(text, i + skip, fail)
            elif command in FONT_SWITCHES:
                emit("font", command, start, i, FONT_SWITCHES[command] or "")
            elif command in IGNORED or command in (r"\[", r"\]", r"\(", r"\)"):
                pass
            elif command in (r"\left", r"\right"):
                delimiter = re.match(r"\s*(\\[A-Za-z]+|\\.|.)", text[i:])
                name = delimiter.group(1) if delimiter else ""
                allowed = set(CLOSING) if command == r"\left" else set(CLOSING.values())
                if name not in DELIMITERS or DELIMITERS[name] not in allowed | {".", "|"}:
                    side = "an opening" if command == r"\left" else "a closing"
                    raise fail(f"{command} needs {side} delimiter", start, i + 1)
                i += delimiter.end()
                emit("open" if command == r"\left" else "close", DELIMITERS[name], start, i)
            elif command in DELIMITERS:
                kind = {r"\{": "open", r"\}": "close", r"\langle": "open", r"\rangle": "close",
                        r"\lvert": "open", r"\rvert": "close"}.get(command, "bar")
                if command == r"\|":
                    emit("cmd", r"\|", start, i)
                else:
                    emit(kind, DELIMITERS[command], start, i)
            elif command in TEXT_COMMANDS:
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip < n and text[i + skip] == "{":
                    content, i = braced(text, i + skip, fail)
                else:
                    content, i = text[i + skip:i + skip + 1], i + skip + 1
                emit("text", command, start, i, content)
            elif command in (r"\begin", r"\end"):
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip >= n or text[i + skip] != "{":
                    raise fail(f"{command} needs {{environment}}", start, i)
                name, i = braced(text, i + skip, fail)
                if name not in SKIPPED_ENVIRONMENTS:
                    emit("begin" if command == r"\begin" else "endenv", name, start, i)
            elif re.fullmatch(r"\\[A-Za-z]+|\\\\|\\\|", command):
                emit("cmd", command, start, i)
            else:
                raise fail(f"unexpected {command}", start, i)
        elif char in "0123456789" or (char == "." and i + 1 < n and text[i + 1] in "0123456789"):
            number = re.match(r"\d*\.?\d+|\d+", text[i:]).group()
            i += len(number)
            emit("num", number, start, i)
        elif char.isascii() and char.isalpha():
            run = re.match(r"[A-Za-z]+", text[i:]).group()
            if run in _GREEK_WORDS and (i == 0 or not text[i - 1].isalpha()):
                i += len(run)                   # rho = m v/(qB) typed without backslashes
                emit("cmd", "\\" + run, start, i)
            else:
                i += 1
                emit("letter", char, start, i)
        elif char in "([":
            i += 1
            emit("open", char, start, i)
        elif char in ")]":
            i += 1
            emit("close", char, start, i)
        elif char == "{":
            braces.append(start)
            i += 1
            emit("char", char, start, i)
        elif char == "}":
            if not braces:
                raise fail("unmatched }", start)
            braces.pop()
            i += 1
            emit("char", char, start, i)
        elif char == "|":
            i += 1
            emit("bar", char, start, i)
        elif char in "^_+-*/=,'&<>!.:;" or char in "−":
            i += 1
            emit("char", "-" if char == "−" else char, start, i)
        elif char in _FRACTIONS:
            i += 1
            top, bottom = _FRACTIONS[char]
            for kind, value in (("char", "{"), ("num", str(top)), ("char", "/"),
                                ("num", str(bottom)), ("char", "}")):
                emit(kind, value, start, i)
        elif unicode_letter(char):
            decoration, letter = unicode_letter(char)
            i += 1
            if decoration:
                emit("cmd", decoration, start, start)
            emit("letter" if len(letter) == 1 else "cmd", letter, start, i)
        elif char in "²³¹⁰⁴⁵⁶⁷⁸⁹⁻":
            superscript = re.match(r"[²³¹⁰⁴⁵⁶⁷⁸⁹⁻]+", text[i:]).group()
            i += len(superscript)
            emit("char", "^", start, start)
            emit("char", "{", start, start)
            for digit in superscript.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")):
                emit("num" if digit.isdigit() else "char", digit, start, i)
            emit("char", "}", i, i)
        elif char in "₀₁₂₃₄₅₆₇₈₉":
            i += 1
            emit("char", "_", start, start)
            emit("num", str("₀₁₂₃₄₅₆₇₈₉".index(char)), start, i)
        elif unicode_command(char):
            i += 1
            command = unicode_command(char)
            if char in "⊥⟂∥" and tokens and tokens[-1].kind == "letter" and \
                    tokens[-1].end == start:
                emit("char", "_", start, start)          # v⊥, p∥ typed as plain text
            emit("cmd" if command.startswith("\\") and len(command) > 1 else "char", command,
                 start, i)
        elif char == "%":
            raise fail("comments (%) are not supported", start)
        else:
            raise fail(f"unexpected character {char!r}", start)
    if braces:
        raise fail("unclosed { (missing })", braces[-1])
    return _fonts(tokens)


def _fonts(tokens):
    r"""Apply old TeX font switches: ``{\bf v}`` is ``\mathbf{v}``, ``{\bf E\times B}``
    makes E and B bold, ``\cal L`` is ``\mathcal{L}``; ``\rm``, ``\it``, ``\mit`` ... only
    change the look.  A switch holds to the end of its group; sub- and superscripts keep
    their font."""
    out, modes, script = [], [None], []       # font per group depth; groups that are scripts
    for index, token in enumerate(tokens):
        if token.kind == "char" and token.text == "{":
            after_script = bool(out) and out[-1].kind == "char" and out[-1].text in "_^"
            modes.append(modes[-1])
            script.append(after_script or (bool(script) and script[-1]))
            out.append(token)
            continue
        if token.kind == "char" and token.text == "}":
            modes.pop()
            if script:
                script.pop()
            out.append(token)
            continue
        if token.kind == "font":
            modes[-1] = token.value or None
            continue
        decorate = modes[-1] and not (script and script[-1]) and (
            token.kind == "letter" or (token.kind == "cmd" and token.text[1:] in GREEK)) and \
            not (out and out[-1].kind == "char" and out[-1].text in "_^")
        if decorate:
            out.append(Token("cmd", modes[-1], token.position, token.position))
        out.append(token)
    return _unwrap_single_names(out)


def _unwrap_single_names(tokens):
    r"""``{\mathbf v}_E`` -> ``\mathbf v_E``: a group that holds one decorated letter and is
    followed by a subscript or a prime gives the subscript to the name."""
    out, i = [], 0
    while i < len(tokens):
        window = tokens[i:i + 5]
        if len(window) == 5 and window[0].kind == "char" and window[0].text == "{" \
                and window[1].kind == "cmd" and window[1].text in DECORATIONS \
                and window[1].end == window[1].position \
                and window[3].kind == "char" and window[3].text == "}" \
                and window[4].kind == "char" and window[4].text in "_'":
            out += window[1:3]
            i += 4
            continue
        if len(window) >= 4 and window[0].kind == "char" and window[0].text == "{" \
                and (window[1].kind == "letter" or (window[1].kind == "cmd"
                                                   and window[1].text[1:] in GREEK)) \
                and window[2].kind == "char" and window[2].text == "}" \
                and window[3].kind == "char" and window[3].text in "_'":
            out.append(window[1])
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    return out
