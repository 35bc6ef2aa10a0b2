"""Functions, fractions and roots of the LaTeX grammar (a mixin of the parser).
"""

import sympy as sp

from guidingcenter.check.algebra import apply, divide, multiply, power
from guidingcenter.check.latex.lexer import GREEK, INVERSES
from guidingcenter.check.latex.stream import Marker, NablaOf
from guidingcenter.vectors import is_vector

__all__ = ['Functions']


class Functions:
    """Functions, fractions and roots of the LaTeX grammar (a mixin of the parser)."""

    # --- functions, fractions, roots -----------------------------------------------------------
    def function(self, token, function):
        exponent = None
        if self.at("char", "_"):
            under = self.take()
            base = self.script()
            if function is sp.atan and base == 2:
                function = sp.atan2
            elif function is sp.log:
                return self.log_base(token, base)
            else:
                raise self.error("unexpected subscript on a function", under)
        if self.at("char", "^"):
            caret = self.take()
            exponent = self.script()
            if exponent == -1:
                if function not in INVERSES:
                    raise self.error("^{-1} of this function is not supported", caret)
                function, exponent = INVERSES[function], None
        if function is sp.atan2:
            args = self.braced_arguments()
            if len(args) != 2:
                raise self.error("atan2 takes two arguments", token)
        else:
            args = [self.function_argument(token)]
        value = self.notation(token, apply, function, args)
        if exponent is not None:
            value = self.notation(token, power, value, exponent)
        return value

    def log_base(self, token, base):
        value = self.function_argument(token)
        return self.notation(token, apply, sp.log, [value]) / sp.log(base)

    def function_argument(self, token):
        if self.at("open") or self.at("char", "{"):
            return self.checked(self.primary())
        if not self.starts_factor():
            raise self.error(f"{token.text} needs an argument", self.peek())
        angle = self.at("cmd") and self.peek().text in _ANGLES
        value = self.checked(self.factor())
        while not angle and not self.visibly_spaced() and (
                self.at("letter") or self.at("num") or
                (self.at("cmd") and (self.peek().text[1:] in GREEK or self.at("cmd", r"\pi")))):
            if self.differential and self.at_differential() or self.powered_next():
                break
            following = self.peek()
            value = self.notation(following, multiply, value, self.checked(self.factor()))
        return value

    def powered_next(self):
        r"""Is the next factor raised to a power (``\sin\omega t`` is sin(omega t), but
        ``\sin^2\alpha_{eq} L^3`` is sin^2(alpha_eq) L^3)?"""
        index = self.index + 1
        if index < len(self.tokens) and self.tokens[index].text == "_":
            index = self.group_end(index + 1)
        return index < len(self.tokens) and self.tokens[index].text == "^"

    def visibly_spaced(self):
        r"""The next token follows a space that is not just the end of a command
        (``\sin\Omega t`` is sin(Omega t); ``\sin\alpha B`` typed with a space after a
        letter is sin(alpha) B)."""
        previous = self.tokens[self.index - 1] if self.index else None
        return self.peek().spaced and not (
            previous is not None and previous.kind == "cmd" and previous.text[1:].isalpha()
            and previous.end == self.peek().position - 1)

    def fraction(self):
        token = self.take()
        numerator = (self.index, self.group_end(self.index))
        denominator = (numerator[1], self.group_end(numerator[1]))
        derivative = self.derivative(token, numerator, denominator)
        if derivative is not None:
            self.index = denominator[1]
            return derivative
        written = self.differential_in_numerator(token, numerator, denominator)
        if written is not None:
            return written
        top = self.argument()
        bottom = self.argument()
        if isinstance(top, NablaOf) or isinstance(bottom, Marker):
            raise self.error("operator in a fraction", token)
        return self.notation(token, divide, self.checked(top), bottom)

    def argument(self):
        if self.at("char", "{"):
            self.take()
            value = self.expr()
            self.take("char", "}", "}")
            return value
        return self.primary()

    def root(self):
        token = self.take()
        degree = 2
        if self.at("open", "["):
            self.take()
            degree = self.checked(self.expr())
            self.take("close", "]")
        value = self.checked(self.argument())
        if is_vector(value):
            raise self.error("root of a vector", token)
        return sp.root(value, degree) if degree != 2 else sp.sqrt(value)


# an angle is the whole argument: sin(alpha) L, cos(lambda) R_E (not sin(alpha L))
_ANGLES = frozenset(rf"\{name}" for name in (
    "alpha", "theta", "vartheta", "lambda", "Lambda", "phi", "varphi", "psi", "chi", "Theta"))
