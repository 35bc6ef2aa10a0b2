"""Names of the LaTeX grammar: symbols with decorations, sub- and superscripts,
words, text commands and function arguments (a mixin of the parser).
"""

import re

import sympy as sp

from guidingcenter import symbols as _symbols

from guidingcenter.check.algebra import apply, power, suggest
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import is_vector
from guidingcenter.check.latex.lexer import CLOSING, DECORATIONS, GREEK, OPERATOR_NAMES, UNIT

__all__ = ['Names']

_DIPOLE_FUNCTIONS = (_symbols.T_of, _symbols.D_of, _symbols.Y_of)


def _is_angle(value):
    """A pitch angle written as the argument of T, D or Y (rbamlib's T(alpha))."""
    name = key_of(value) if is_spelled(value) else getattr(value, "name", "")
    return isinstance(value, sp.Symbol) and name.lstrip("\\").startswith(("alpha", "theta"))


def latex_key_of(symbol):
    """The canonical key a symbol is printed with (a placeholder: its own key)."""
    if is_spelled(symbol):
        return key_of(symbol)
    return _symbols.LATEX_NAMES.get(symbol, symbol.name)


# Function names typed without a backslash (Markdown, plain text, code comments).
_FUNCTION_WORDS = {"sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan",
                   "asin", "acos", "atan", "exp", "ln", "log", "sqrt", "sgn", "sign"}
# Variables a quantity is written as a function of: B(s), B(z), v(t), r(\lambda), B(0, z).
_COORDINATES = {"s", "z", "t", "r", "x", "y", r"\lambda", r"\theta", r"\phi", r"\varphi",
                r"\vartheta", "0", r"\tau", "h", "R", "X"}


def _listed(pieces):
    r"""Arguments that are a vector's components, not the variables a quantity depends on:
    three numbers or components and a number (``(0, 0, 1)``, ``(v_y, v_x, 0)``), rates
    (``(\dot v_x, \dot v_y, \dot v_z)``) or the x, y and z components of one name
    (``(v_x, v_y, v_z)``)."""
    if any(r"\dot" in piece or r"\ddot" in piece for piece in pieces):
        return True
    if len(pieces) != 3:
        return False
    numbers = [len(piece) == 1 and piece[0].isdigit() for piece in pieces]
    axes = [piece[-2:] in (["_", "x"], ["_", "y"], ["_", "z"]) for piece in pieces]
    if all(n or a for n, a in zip(numbers, axes)) and any(numbers):
        return True                                # (0, 0, 1), (v_y, -v_x, 0) less its sign
    return len({tuple(piece[:-2]) for piece in pieces}) == 1 and \
        [piece[-2:] for piece in pieces] == [["_", axis] for axis in "xyz"]


class Names:
    """Names of the LaTeX grammar: symbols with decorations, sub- and superscripts,"""

    # --- names ------------------------------------------------------------------------
    def name_key(self):
        """Scan a name at the cursor; return ``(key, exponent or None)``.

        The key is canonical LaTeX: ``B``, ``\\omega_{c}``, ``\\vec{v}_{F}``,
        ``v_{\\parallel}`` (sub-script flattened, ``\\text``/``\\mathrm`` unwrapped).
        """
        token = self.take()
        decoration, subscript, exponent, prime = "", None, None, ""
        if token.kind == "cmd" and token.text in DECORATIONS:
            decoration = DECORATIONS[token.text]
            end = self.group_end(self.index)
            inner = self.tokens[self.index:end]
            if inner and inner[0].kind == "char" and inner[0].text == "{":
                inner = inner[1:-1]
            if inner and inner[0].kind == "cmd" and inner[0].text in DECORATIONS:
                return self.nested_name(token, decoration, inner, end)
            self.index = end
            base, subscript = self.inner_name(token, inner)
        elif token.kind == "letter" or (token.kind == "cmd" and token.text[1:] in GREEK):
            base = token.text
        elif token.kind == "text" and re.fullmatch(r"\s*[A-Za-z]+\s*", token.value):
            base = token.value.strip()
        else:
            raise self.error(f"expected a name, found {token.text}", token)
        while True:
            if self.at("char", "_"):
                underscore = self.take()
                if subscript is not None:
                    raise self.error("double subscript", underscore)
                subscript = self.flat(self.index, self.group_end(self.index))
                self.index = self.group_end(self.index)
                subscript = self.subscript_run(decoration, base, subscript)
            elif self.at("char", "^") and (self.at("char", "*", 1) or self.at("cmd", r"\ast", 1)
                                           or self.at("cmd", r"\star", 1)):
                self.index += 2                                           # L^*
                prime += "^*"
            elif self.at("char", "^") and exponent is None and \
                    self.at("char", "_", self.script_span()):            # v^2_\parallel
                self.take()
                exponent = self.script()
            elif self.at("char", "'"):
                self.take()
                prime += "'"
            else:
                break
        key = f"{decoration}{{{base}}}" if decoration else base
        if subscript:
            key += f"_{{{subscript}}}"
        return key + prime, exponent

    def nested_name(self, token, decoration, inner, end):
        r"""A decoration of a decorated name: ``\hat{\mathbf{b}}`` and ``\mathbf{\hat b}``
        are the unit vector ``\hat{b}``, ``\dot{\vec{R}}`` the derivative of ``\vec{R}``."""
        stop = self.tokens.index(inner[-1]) + 1
        self.index = self.tokens.index(inner[0])
        key, exponent = self.name_key()
        if self.index != stop or exponent is not None:
            raise self.error(f"{token.text}{{...}} must hold one name", token)
        self.index = end
        if decoration == r"\vec" and key.startswith((r"\vec{", r"\hat{")):
            pass
        elif decoration == r"\hat" and key.startswith(r"\vec{"):
            key = r"\hat" + key[len(r"\vec"):]
        else:
            key = f"{decoration}{{{key}}}"
        if self.at("char", "_") and "_" not in key:          # \hat{\mathbf{R}}_c
            self.take()
            key += f"_{{{self.flat(self.index, self.group_end(self.index))}}}"
            self.index = self.group_end(self.index)
        return key, None

    def subscript_run(self, decoration, base, subscript):
        """``B_max`` as typed (LaTeX reads B_m a x): the longest run of adjacent letters
        after a one-letter subscript that makes a name the readers know."""
        if self.lookup is None or len(subscript) != 1 or not subscript.isalpha():
            return subscript
        run, j = subscript, self.index
        while j < len(self.tokens) and self.tokens[j].kind == "letter" and \
                self.tokens[j].position == self.tokens[j - 1].end:
            run += self.tokens[j].text
            j += 1
        head = f"{decoration}{{{base}}}" if decoration else base
        for length in range(len(run), 1, -1):
            if self.lookup.knows(f"{head}_{{{run[:length]}}}"):
                self.index += length - 1
                return run[:length]
        return subscript

    def script_span(self):
        """Offset (from the cursor) of the token after ``^ script``."""
        return self.group_end(self.index + 1) - self.index

    def inner_name(self, token, inner):
        if not inner or not (inner[0].kind == "letter" or
                             (inner[0].kind == "cmd" and inner[0].text[1:] in GREEK)):
            raise self.error(f"{token.text} of something other than a letter", token)
        if len(inner) == 1:
            return inner[0].text, None
        if len(inner) > 2 and inner[1].kind == "char" and inner[1].text == "_":
            start = self.tokens.index(inner[2])
            end = self.group_end(start)
            if self.tokens[end - 1] is inner[-1]:
                return inner[0].text, self.flat(start, end)
        raise self.error(f"{token.text}{{...}} must hold one name", token)

    def flat(self, start, end):
        """Canonical text of a subscript's tokens."""
        if start >= len(self.tokens):
            raise self.error("missing subscript")
        parts = []
        for token in self.tokens[start:end]:
            if token.kind == "text":
                parts.append("".join(token.value.split()))
            elif token.kind == "cmd" and token.text in (r"\|", r"\parallel"):
                parts.append(r"\parallel")
            elif token.kind == "cmd" and DECORATIONS.get(token.text) == r"\vec":
                continue
            elif not (token.kind == "char" and token.text in "{}"):
                if parts and re.fullmatch(r"\\[A-Za-z]+", parts[-1]) and \
                        token.text[:1].isalpha():
                    parts.append(" ")            # \nabla B stays \nabla B, not \nablaB
                parts.append(token.text)
        text = "".join(parts)
        return text.replace("||", r"\parallel").replace("//", r"\parallel")

    def symbol(self):
        token = self.peek()
        word = self.word()
        if word is not None:
            return word
        start = self.index
        key, exponent = self.name_key()
        value = self.symbols.get(key)
        function = self.functions.get(key)
        applied = function is not None and (                 # SymPy prints T{\left(y\right)}
            (self.at("char", "{") and self.at("open", "(", 1)) or
            (key in ("T", "D", "Y") and self.at("open", "(")))
        if applied:
            value = self.application(token, function)
        else:
            self.skip_arguments()
            if self.lookup is not None:
                value = self.lookup(key, value)
        if value is None:
            last = self.tokens[self.index - 1]
            hint = suggest(key, self.symbols) or self.subscript_hint(start)
            if not hint and rf"\vec{{{key}}}" in self.symbols:
                hint = rf" (did you mean \vec{{{key}}}?)"
            raise self.error(f"unknown symbol {key}{hint}", self.tokens[start], last)
        if exponent is not None:
            value = self.notation(token, power, value, exponent)
        return value

    def as_vector(self, value):
        """A plain name printed for a vector (``B \\times \\nabla B``): the vector of that
        name, when there is one; anything else as it is."""
        if is_vector(value) or not isinstance(value, sp.Symbol):
            return value
        name = re.fullmatch(r"(\\?[A-Za-z]+)(.*)", latex_key_of(value))
        if name is None:
            return value
        key = rf"\vec{{{name.group(1)}}}" + name.group(2)      # J_*, J^*: \vec{J}_*, \vec{J}^*
        vector = self.symbols.get(key)
        if self.lookup is not None and self.lookup.open and self.lookup.knows(key):
            vector = self.lookup(key, None)       # read as \vec{V} typed would be
        return vector if vector is not None and is_vector(vector) else value

    def skip_arguments(self):
        r"""Function notation ``B(r, \lambda)``, ``B(s)``, ``\mu(t)``: the arguments name the
        variables the quantity depends on; they are read past (the quantity is itself).
        Components, ``B(0, 0, 1)``, ``m(\dot v_x, \dot v_y, \dot v_z)``, are no variables
        (:func:`_listed`).  Typed with a space, ``B \ (0,z)``, only a list of two or more
        coordinates is read so (a product with a list is no product); ``B (s + 1)`` is one."""
        if not self.at("open", "("):
            return
        spaced = self.peek().spaced
        depth, j, pieces = 0, self.index, [[]]
        while j < len(self.tokens):
            token = self.tokens[j]
            if token.kind == "open" and token.text == "(":
                depth += 1
            elif token.kind == "close" and token.text == ")":
                depth -= 1
                if depth == 0:
                    break
            elif token.kind == "char" and token.text == ",":
                pieces.append([])
            elif token.kind in ("letter", "num") or (token.kind == "cmd" and (
                    token.text[1:] in GREEK or token.text in DECORATIONS)):
                pieces[-1].append(token.text)
            elif not (token.kind == "char" and token.text in "{}_" or token.kind == "text"):
                return                                         # an expression: a product
            elif token.text == "_":
                pieces[-1].append("_")
            j += 1
        # one argument: a coordinate, also a vector or subscripted (x_c, \mathbf{r}_\text{gc})
        core = [t for t in pieces[0] if t not in DECORATIONS]
        core = core[:core.index("_")] if "_" in core else core
        single = len(pieces) == 1 and len(core) == 1 and core[0] in _COORDINATES
        if spaced and not (len(pieces) > 1 and all(
                len(piece) == 1 and piece[0] in _COORDINATES for piece in pieces)):
            return
        if j < len(self.tokens) and depth == 0 and (len(pieces) > 1 or single) and \
                not _listed(pieces):              # B(0, 0, 1): B times the unit vector z
            self.index = j + 1

    def subscript_hint(self, start):
        """For ``B_max`` (LaTeX reads B_m a x): suggest the braced subscript."""
        tokens = self.tokens
        if start < 3 or not (tokens[start - 2].kind == "char" and tokens[start - 2].text == "_"
                             and tokens[start - 1].kind == "letter"
                             and tokens[start - 1].end == tokens[start].position
                             and (tokens[start - 3].kind == "letter" or
                                  tokens[start - 3].text[1:] in GREEK)):
            return ""
        j = start - 1
        run = ""
        while j < len(tokens) and tokens[j].kind == "letter" and \
                (j == start - 1 or tokens[j].position == tokens[j - 1].end):
            run += tokens[j].text
            j += 1
        base = tokens[start - 3].text
        return f" (a subscript of several letters needs braces: {base}_{{{run}}})"

    def function_word(self):
        """A function name typed as plain letters (``sin``, ``arctan``, ``exp``, ``sqrt``),
        taken from the cursor; None if the letters there do not start with one."""
        run, j = "", self.index
        while j < len(self.tokens) and self.tokens[j].kind == "letter" and \
                (j == self.index or self.tokens[j].position == self.tokens[j - 1].end):
            run += self.tokens[j].text
            j += 1
        for length in range(min(len(run), 6), 1, -1):
            function = OPERATOR_NAMES.get(run[:length])
            if function is not None and run[:length] in _FUNCTION_WORDS:
                self.index += length
                return function
        return None

    def word(self):
        """A multi-letter name of the table written as a bare run of letters."""
        run, j = "", self.index
        while j < len(self.tokens) and self.tokens[j].kind == "letter" and \
                (j == self.index or self.tokens[j].position == self.tokens[j - 1].end):
            run += self.tokens[j].text
            j += 1
        for length in range(len(run), 1, -1):
            if run[:length] in self.words:
                self.index += length
                return self.symbols[run[:length]]
            if self.lookup is not None and self.lookup.open and \
                    (length > 2 or self.lookup.short_words) and \
                    self.lookup.knows(run[:length]):       # "energy" of a code's docs
                self.index += length
                if length == 2:
                    self.lookup.words_read.append(run[:length])
                return self.lookup(run[:length])
        return None

    def application(self, token, function):
        args = self.braced_arguments()
        if function.function in _DIPOLE_FUNCTIONS and self.lookup is not None and \
                self.lookup.open and len(args) == 1 and _is_angle(args[0]):
            args = [sp.sin(args[0])]              # T(alpha): T of y = sin(alpha_eq)
        return self.notation(token, apply, function, args)

    def braced_arguments(self):
        """Arguments in parentheses, optionally inside braces: ``f{(a, b)}``."""
        braced = self.at("char", "{")
        if braced:
            self.take()
        args = self.arguments()
        if braced:
            self.take("char", "}", "}")
        return args

    def arguments(self):
        opening = self.take("open", what="(")
        args = [self.checked(self.expr())]
        while self.at("char", ","):
            self.take()
            args.append(self.checked(self.expr()))
        self.take("close", CLOSING.get(opening.text, ")"))
        return args

    def text_command(self):
        token = self.take()
        content = token.value.strip()
        if token.text == r"\operatorname":
            function = OPERATOR_NAMES.get(content)
            if function is None:
                raise self.error(f"unknown function \\operatorname{{{content}}}", token)
            return self.function(token, function)
        if content in ("sgn", "sign"):
            return self.function(token, sp.sign)
        if token.text in (r"\mathrm", r"\mathit") and re.fullmatch(r"[A-Za-z]+", content):
            self.index -= 1
            return self.symbol()
        words = content.strip("()[] .,").split()
        if words and all(UNIT.fullmatch(word) for word in words):
            raise self.error(f"unit {token.text}{{{token.value}}} is not part of a formula "
                             "(give the formula without units)", token)
        raise self.error(f"text {token.text}{{{token.value}}} is not part of a formula", token)
