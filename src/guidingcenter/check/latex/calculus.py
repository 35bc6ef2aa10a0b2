"""Derivatives, integrals and nabla of the LaTeX grammar (a mixin of the parser).
"""

import sympy as sp

from guidingcenter import symbols as _symbols
from guidingcenter.check.algebra import FUNCTIONS, apply, divide, power, suggest
from guidingcenter.check.errors import ParseError
from guidingcenter.check.latex.stream import DerivativeOperator, Nabla, NablaOf
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Cross, Dot, Grad, is_vector

__all__ = ['Calculus']


class Calculus:
    """Derivatives, integrals and nabla of the LaTeX grammar (a mixin of the parser)."""

    # --- calculus ---------------------------------------------------------------------------
    def differential_form(self, start, end):
        """For tokens ``d``/``\\mathrm{d}``/``\\partial`` followed by a name:
        ``("", None, False)`` (a bare d), ``(key, exponent, False)`` (d and a name),
        ``(flat text, None, True)`` (d and anything else), or ``None`` (no d)."""
        tokens = self.tokens[start:end]
        if tokens and tokens[0].kind == "char" and tokens[0].text == "{":
            start, end = start + 1, end - 1
            tokens = self.tokens[start:end]
        if not tokens:
            return None
        first = tokens[0]
        if not ((first.kind == "letter" and first.text == "d") or
                (first.kind == "cmd" and first.text == r"\partial") or
                (first.kind == "text" and first.text == r"\mathrm" and first.value.strip() == "d")):
            return None
        if len(tokens) == 1:
            return "", None, False
        saved = self.index
        try:
            self.index = start + 1
            key, exponent = self.name_key()
            self.skip_arguments()               # d B(0, z): the field at a point
            complete = self.index == end
        except ParseError:
            complete = False
        finally:
            self.index = saved
        return (key, exponent, False) if complete else (self.flat(start + 1, end), None, True)

    def derivative(self, token, numerator, denominator):
        top = self.differential_form(*numerator)
        bottom = self.differential_form(*denominator)
        if top is None or bottom is None or not bottom[0]:
            return None
        end_token = self.tokens[denominator[1] - 1]
        if bottom[2]:
            raise self.error("higher derivatives and derivatives with respect to an "
                             "expression are not supported", token, end_token)
        if top[1] is not None or bottom[1] is not None:
            raise self.error("higher derivatives are not supported", token, end_token)
        variable = self.symbols.get(bottom[0])
        if (variable is None or not isinstance(variable, sp.Symbol)) and top[0] and \
                self.lookup is not None and self.lookup.open:
            variable = sp.Symbol(bottom[0])        # read through the table below, as d{f}/d{x}
        if variable is None or not isinstance(variable, sp.Symbol):
            raise self.error(f"unknown variable {bottom[0]} of a derivative", token, end_token)
        if top[0] == "":
            return DerivativeOperator(variable, token)
        key = f"d{{{top[0]}}}/d{{{bottom[0]}}}"
        if key in self.symbols:
            return self.symbols[key]
        if top[2]:
            value = self.rate_of_expression(numerator, variable)
            if value is not None:               # d(v_perp + v_par b-hat)/dt, by linearity
                return value
            raise self.error("derivative of an expression is not supported", token, end_token)
        if self.lookup is not None and self.lookup.open:    # dv_x/dt: the acceleration's x
            value = self.lookup.time_derivative(key)
            if value is not None:
                return value
        function = self.functions.get(top[0])
        applied = getattr(function, "applied", None)
        if applied is not None and applied.args == (variable,):
            return sp.Derivative(applied, variable)
        if self.lookup is not None:
            value = self.lookup(key, None, display=rf"\frac{{d{top[0]}}}{{d{bottom[0]}}}")
            if value is not None:           # a derivative the notation table reads, or unknown
                return value
        known = [name for name in self.symbols if name.startswith("d{")]
        raise self.error(f"no symbol for the derivative {key}{suggest(key, known)}",
                         token, end_token)

    def rate_of_expression(self, numerator, variable):
        r"""``\frac{d(\vec{v}_{gc\perp} + v_{gc\parallel}\hat{B})}{dt}``, read openly: the
        rate of a sum along the guiding centre's path, term by term (see
        :func:`guidingcenter.check.equations_of_motion.rate`); None when it is not one."""
        from guidingcenter.check.equations_of_motion import rate    # (no import cycle)
        start, end = numerator
        if self.tokens[start].kind == "char" and self.tokens[start].text == "{":
            start, end = start + 1, end - 1
        if variable != _symbols.t or self.lookup is None or not self.lookup.open or \
                self.tokens[start + 1].kind != "open":
            return None
        saved = self.index
        try:
            self.index = start + 1
            value = self.checked(self.factor())
            if self.index != end:
                return None
            return rate(value, self.rate_of_name)
        except ParseError:
            return None
        finally:
            self.index = saved

    def rate_of_name(self, name):
        """The rate d{name}/d{t} of a name, as the readers read it (or None)."""
        from guidingcenter.check.latex.table import latex_key     # (no import cycle)
        if is_spelled(name):
            key = key_of(name)
        elif isinstance(name, sp.Symbol):
            key = latex_key(_symbols.LATEX_NAMES.get(name) or sp.latex(name))
        else:
            return None
        key = f"d{{{key}}}/d{{t}}"
        value = self.symbols.get(key)
        if value is None:
            value = self.lookup.time_derivative(key)
        if value is None:
            value = self.lookup(key, None, display=rf"\frac{{d{key[2:-6]}}}{{dt}}")
        return value

    def differential_in_numerator(self, token, numerator, denominator):
        r"""``\int_0^{\lambda_m} \frac{ds}{v_\parallel}``: the integral's differential
        written as the numerator of a fraction; the fraction is 1/v_par and ds closes
        the integral (None when the fraction is not that)."""
        form = self.differential_form(*numerator)
        if not self.written_differentials or self.written_differentials[-1] is not None or \
                form is None or not form[0] or form[1] is not None or form[2]:
            return None
        start = numerator[0] + (self.tokens[numerator[0]].text == "{")
        saved, self.index = self.index, start + 1
        variable = self.symbol()
        if not isinstance(variable, sp.Symbol):
            self.index = saved
            return None
        self.index = denominator[0]
        self.written_differentials[-1] = variable
        return self.notation(token, divide, sp.Integer(1), self.checked(self.argument()))

    def partial(self):
        r"""``\partial_s B``: the derivative d{B}/d{s}, read through the table."""
        token = self.take()
        self.take("char", "_")
        end = self.group_end(self.index)
        variable = self.flat(self.index, end)
        self.index = end
        key, exponent = self.name_key()
        value = self.lookup(f"d{{{key}}}/d{{{variable}}}", self.symbols.get(
            f"d{{{key}}}/d{{{variable}}}"), display=rf"\partial_{{{variable}}} {key}")
        if value is None:
            raise self.error(f"no symbol for the derivative d{{{key}}}/d{{{variable}}}", token)
        return self.notation(token, power, value, exponent) if exponent is not None else value

    def inline_partial(self):
        r"""``\partial B / \partial s`` written inline: the derivative d{B}/d{s}."""
        token = self.take()
        key, _ = self.name_key()
        if not (self.at("char", "/") and self.at("cmd", r"\partial", 1)):
            raise self.error(r"\partial without a derivative it belongs to", token)
        self.index += 2
        variable, _ = self.name_key()
        value = self.lookup(f"d{{{key}}}/d{{{variable}}}", self.symbols.get(
            f"d{{{key}}}/d{{{variable}}}"), display=rf"\partial {key}/\partial {variable}")
        if value is None:
            raise self.error(f"no symbol for the derivative d{{{key}}}/d{{{variable}}}", token)
        return value

    def closed_path_key(self):
        r"""``\oint p\,dq`` at the cursor (after ``\oint``) as one name,
        ``\oint{p}d{q}``, the action of a periodic motion; None, the cursor unmoved,
        when it is not a name followed by its differential."""
        start = self.index
        try:
            body, exponent = self.name_key()
            if exponent is None and self.at_differential():
                self.take()
                variable, exponent = self.name_key()
                if exponent is None:
                    return rf"\oint{{{body}}}d{{{variable}}}"
        except ParseError:
            pass
        self.index = start
        return None

    def integral(self):
        token = self.take()                 # \int, or \oint: around a closed path
        if token.text == r"\oint" and self.lookup is not None:
            start, key = self.index, self.closed_path_key()
            if key is not None and self.lookup.knows(key):
                return self.lookup(key, None, display=key)
            self.index = start
        limits = {}
        while self.at("char", "_") or self.at("char", "^"):
            which = self.take().text
            limits[which] = self.script()
        self.differential += 1
        self.written_differentials.append(None)
        body = self.checked(self.expr())
        self.differential -= 1
        variable = self.written_differentials.pop()
        if variable is None and not self.at_differential():
            variable = _unwritten_differential(body, limits)
            if variable is None:
                raise self.error("expected d<variable> closing the integral", self.peek())
        elif variable is None:
            self.take()
            variable = self.symbol()
        if not isinstance(variable, sp.Symbol):
            raise self.error("integration variable must be a symbol", token)
        if set(limits) == {"_", "^"}:
            return sp.Integral(body, (variable, limits["_"], limits["^"]))
        if limits:
            raise self.error("an integral needs both limits or none", token)
        return sp.Integral(body, variable)

    def nabla(self):
        token = self.take()
        subscript = None
        if self.at("char", "_"):
            self.take()
            end = self.group_end(self.index)
            subscript = self.flat(self.index, end)
            self.index = end
        if self.at("cmd", r"\cdot") or self.at("cmd", r"\times"):
            operator = self.take()
            if subscript:
                raise self.error(r"\nabla with a subscript before \cdot or \times", token)
            field = self.checked(self.factor())
            name = "Div" if operator.text == r"\cdot" else "Curl"
            if not is_vector(field):
                raise self.error(f"{'divergence' if name == 'Div' else 'curl'} of a scalar",
                                 operator)
            return self.notation(operator, apply, FUNCTIONS[name][0], [field])
        if not self.starts_factor():
            if subscript:
                raise self.error(r"\nabla without an operand", token)
            return Nabla(None, token)
        operand = self.checked(self.factor())
        if is_vector(operand):
            if subscript:
                raise self.error("gradient of a vector", token)
            return NablaOf(operand, token)
        if subscript is None:
            return Grad(operand)
        b_hat = _symbols.b_hat
        if subscript == r"\perp":
            return Cross(b_hat, Cross(Grad(operand), b_hat))
        if subscript == r"\parallel":
            return _symbols.dB_ds if operand == _symbols.B else Dot(b_hat, Grad(operand))
        raise self.error(f"unknown gradient \\nabla_{{{subscript}}}", token)


def _unwritten_differential(body, limits):
    r"""The variable of an integral printed without its differential,
    ``\int_0^{\lambda_m} \cos\lambda (...)``: the one symbol of the integrand whose name
    the upper limit extends (lambda of lambda_m, s of s_1, x of x_max); None if not one."""
    upper = limits.get("^")
    if not isinstance(upper, sp.Symbol) or not isinstance(body, sp.Basic):
        return None
    found = [s for s in body.free_symbols if isinstance(s, sp.Symbol) and
             upper.name.startswith(s.name + "_")]
    return found[0] if len(found) == 1 else None

