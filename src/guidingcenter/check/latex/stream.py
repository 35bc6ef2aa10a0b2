"""The token stream under the LaTeX grammar, and the markers of pending operators."""

from guidingcenter.check.errors import NotationError, ParseError
from guidingcenter.check.latex.lexer import Token, tokens

__all__ = ["TokenStream", "Marker", "Nabla", "NablaOf", "DirectionalOperator",
           "DerivativeOperator"]


class Marker:
    """A partial notation object waiting for its operand (never returned)."""

    def __init__(self, value, token):
        self.value, self.token = value, token


class Nabla(Marker):
    """A bare ``\\nabla`` before a closing bracket, as in ``(\\vec{B}\\cdot\\nabla)``."""


class NablaOf(Marker):
    """``\\nabla`` of a vector: only meaningful after ``\\vec{a}\\cdot``."""


class DirectionalOperator(Marker):
    """``(\\vec{a}\\cdot\\nabla)`` waiting for the field it acts on."""


class DerivativeOperator(Marker):
    """``\\frac{d}{dt}`` waiting for a function value."""


class TokenStream:
    """Cursor over the tokens of one formula, with one-line errors at a token."""

    def __init__(self, text, rational=False, tables=None, chain=False, lookup=None):
        self.text, self.rational, self.chain, self.lookup = text, rational, chain, lookup
        self.tokens = tokens(text)
        self.index, self.bars, self.differential = 0, 0, 0
        self.written_differentials = []   # per open integral: d<x> met in a numerator
        self.averaged = []                # (X, <X>) of the gyro-averages taken
        self.symbols, self.functions, self.words = tables or ({}, {}, set())

    def error(self, reason, token=None, end_token=None, unsupported=False):
        token = token or self.peek()
        end = (end_token or token).end
        return ParseError(reason, self.text, token.position, end, "LaTeX", unsupported)

    def peek(self, offset=0):
        position = self.index + offset
        if position < len(self.tokens):
            return self.tokens[position]
        end = len(self.text)
        return Token("end", "", end, end)

    def at(self, kind, text=None, offset=0):
        token = self.peek(offset)
        return token.kind == kind and (text is None or token.text == text)

    def take(self, kind=None, text=None, what=None):
        token = self.peek()
        if kind is not None and not self.at(kind, text):
            found = token.text if token.kind != "end" else "the end of the formula"
            raise self.error(f"expected {what or text or kind}, found {found}", token)
        self.index += 1
        return token

    def group_end(self, index):
        """Index after the brace group (or single token) starting at ``index``."""
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None:
            return index
        if token.kind == "char" and token.text == "{":
            depth = 0
            for j in range(index, len(self.tokens)):
                if self.tokens[j].kind == "char" and self.tokens[j].text in "{}":
                    depth += 1 if self.tokens[j].text == "{" else -1
                    if depth == 0:
                        return j + 1
        if token.kind == "num" and len(token.text) > 1 and token.text.isdigit():  # \frac12
            rest = Token("num", token.text[1:], token.position + 1, token.end)
            token.text, token.end = token.text[0], token.position + 1
            self.tokens.insert(index + 1, rest)
        return index + 1

    def notation(self, token, action, *args):
        try:
            return action(*args)
        except NotationError as problem:
            raise self.error(str(problem), token) from None
