"""The LaTeX grammar: a recursive-descent parser assembled from its parts.

:class:`~guidingcenter.check.latex.stream.TokenStream` (the cursor),
:class:`~guidingcenter.check.latex.expressions.Expressions` (statements, sums,
products, factors), :class:`~guidingcenter.check.latex.names.Names` (symbols
and scripts), :class:`~guidingcenter.check.latex.functions.Functions`
(functions, fractions, roots),
:class:`~guidingcenter.check.latex.calculus.Calculus` (derivatives, integrals,
nabla) and :class:`~guidingcenter.check.latex.components.Components` (vectors
written by their components).
"""

from guidingcenter.check.latex.calculus import Calculus
from guidingcenter.check.latex.components import Components
from guidingcenter.check.latex.expressions import Expressions
from guidingcenter.check.latex.functions import Functions
from guidingcenter.check.latex.names import Names
from guidingcenter.check.latex.stream import TokenStream

__all__ = ["Parser"]


class Parser(Expressions, Names, Functions, Calculus, Components, TokenStream):
    """Recursive descent over the tokens of one formula (see the mixins for the rules)."""
