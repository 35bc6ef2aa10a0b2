r"""What a document says about its notation: definitions in formulas and in words (English,
German, Hebrew), macros, values with units, stated conditions -- and what must not be read as
one (each kind of reading has a case that must be refused)."""

import math

import pytest

from guidingcenter import constants
from guidingcenter.check.documents.formulas import number_with_unit, split_relations
from guidingcenter.check.documents.macros import Macro, expand_macros


def notation(context):
    return {d.key: d.meaning for d in context.definitions if d.role == "notation"}


def prose(context):
    return [d for d in context.definitions if d.how == "prose"]


# --- prose ---------------------------------------------------------------------------------

def test_a_where_clause_names_the_symbol_of_the_formula_before_it(read):
    text = ("The curvature drift is\n"
            "$$v_R = \\frac{m v_\\parallel^2}{q B r_c}$$\n"
            "where $r_c$ is the radius of curvature.\n")
    context = read(text)
    definition, = prose(context)
    assert (definition.key, definition.meaning, definition.how) == ("r_{c}", "R_c", "prose")
    assert definition.quote == "$r_c$ is the radius of curvature"
    assert definition.line == 3 and definition.start == 2    # explains the formula on line 2
    assert context.at(2).definitions == {"r_{c}": "R_c"}
    assert context.at(1).definitions == {}
    assert [d.key for d in context.used(r"\frac{1}{r_\mathrm{c}}", 2)] == ["r_{c}"]
    assert context.used(r"\frac{1}{R}", 2) == []


def test_a_definition_in_words_without_a_where_starts_where_it_is_stated(read):
    text = "$$x = 1/r_c$$\n\nHere we call $r_c$ the radius of curvature.\n"
    definition, = prose(read(text))
    assert definition.start == 3


@pytest.mark.parametrize("sentence, key, meaning", [
    ("Let the pitch angle θ be measured from B.", r"\theta", "alpha"),            # Unicode
    ("the equatorial pitch angle $\\theta$ of it", r"\theta", "alpha_eq"),   # the longest
    ("($R$: lokaler Krümmungsradius, senkrecht zu B)", "R", "R_c"),               # German
    ("כאשר $R$ הוא רדיוס העקמומיות של קו השדה", "R", "R_c"),                      # Hebrew
    ("with $\\rho$ the gyroradius", r"\rho", "r_L"),                              # re-purposed
    ("and $K$ denotes the kinetic energy", "K", "W"),
])
def test_words_name_a_symbol(read, sentence, key, meaning):
    assert notation(read(sentence)) == {key: meaning}


@pytest.mark.parametrize("sentence", [
    "the gyroradius grows with $B$ and shrinks with $q$",          # no link between them
    "the ratio of the kinetic energy to the field strength: $$\\mu = m v^2/(2B)$$",
    "Electric Field :  $\\mathbf{v}_E = \\mathbf{E} \\times \\mathbf{B}/B^2$",  # a row label
    "the magnetic field $B$ is weak",                               # vector word, scalar name
    "where $W_0$ is the kinetic energy",                            # known name with subscript
    "Krümmungsdrift\n\n\n$$\\vec{F}_R = m v^2 \\vec{R}_c/R_c^2$$",   # a heading, not a name
    "where $r_c$ is small compared with the scale of the field",    # no vocabulary phrase
])
def test_words_that_do_not_define_are_not_read_as_definitions(read, sentence):
    assert notation(read(sentence)) == {}


# --- formulas --------------------------------------------------------------------------------

def test_a_formula_gives_a_name_the_document_defines_its_meaning_from_the_next_line(read):
    context = read("Normalize: $R = r/R_E$.\n\nThen $B = B_E/R^3$.\n")
    definition, later = context.definitions
    assert (definition.key, definition.meaning, definition.role) == ("R", "r/R_E", "notation")
    assert context.at(1).definitions == {}
    assert context.at(3).definitions == {"R": "r/R_E"}
    assert (later.key, later.meaning, later.role) == ("B", "B_E*R_E**3/r**3", "derived")


@pytest.mark.parametrize("text, role", [
    ("$$R = r/R_E$$", "derived"),              # no cue: a claim about the mirror ratio R_m
    ("$$R \\equiv r/R_E$$", "notation"),        # defined
    ("we define $$R = r/R_E$$", "notation"),
    ("$$v_x = v_\\perp \\cos(\\omega t)$$", "notation"),    # a name the checker does not know
])
def test_what_a_formula_defines(read, text, role):
    assert [d.role for d in read(text).definitions] == [role]


def test_a_name_the_words_defined_is_read_so_in_later_formulas(read):
    context = read("where $r_c$ is the radius of curvature.\n$$\\xi = 1/r_c$$\n")
    assert notation(context) == {"r_{c}": "R_c", r"\xi": "1/R_c"}


def test_a_formula_about_a_known_quantity_is_derived_or_stated_not_notation(read):
    context = read("$$\\Omega = qB/m$$\n\n$$\\vartheta = \\pi/2 - \\theta$$\n")
    roles = {d.key: d.role for d in context.definitions}
    assert roles == {r"\Omega": "derived", r"\vartheta": "stated"}   # omega_c is derived
    assert [d.key for d in context.derived] == [r"\Omega"]
    assert context.at(5).definitions == {}                       # the table's meaning stays
    assert context.definition(1, r"\Omega = qB/m").key == r"\Omega"


def test_a_species_reading_of_the_checker_is_judged_not_redefined(read):
    definition, = read("$$\\Omega_p = \\frac{eB}{m_p}$$").definitions
    assert (definition.role, definition.meaning) == ("derived", "B*e/m_i")


def test_underbrace_labels_are_recorded(read):
    context = read(r"$$\tau \approx L \underbrace{\frac{R_E}{(W/m)^{1/2}}}_{(1)} "
                   r"\left(\underbrace{3.7 - 1.6 \sin\alpha_{eq}}_{(2)}\right)$$")
    assert context.labels() == {"(1)": r"\frac{R_E}{(W/m)^{1/2}}",
                                "(2)": r"3.7 - 1.6 \sin\alpha_{eq}"}


def test_split_relations_keeps_commands_and_delimiters_whole():
    assert split_relations(r"a = b \rightarrow \left( c = d \right) = e, \, f = 1") == (
        (("a ", ""), (" b ", "=")),
        ((r" \left( c = d \right) ", ""), (" e", "=")),
        ((r" \, f ", ""), (" 1", "=")))
    assert split_relations(r"R \stackrel{\text{def}}{=} r/R_E") == (
        (("R ", ""), (" r/R_E", r"\stackrel")),)


# --- macros ------------------------------------------------------------------------------------

def test_macros_are_read_and_expanded(read):
    text = ("\\newcommand{\\vb}[1]{\\mathbf{#1}}\n"
            "\\def\\Rc{r_{c}}\n"
            "\\newcommand{\\half}[1][2]{\\frac{1}{#1}}\n"
            "\\DeclareMathOperator{\\sgn}{sgn}\n"
            "% \\newcommand{\\vb}[1]{\\vec{#1}}  (a comment: not a definition)\n"
            "\\renewcommand\\Rc{R_c}\n")
    context = read(text)
    assert [d.key for d in context.definitions] == [r"\vb", r"\Rc", r"\half", r"\sgn", r"\Rc"]
    assert context.expand(r"\vb{v} \times \vb B") == r"\mathbf{v} \times \mathbf{B}"
    assert context.expand(r"\half + \half[4]") == r"\frac{1}{2} + \frac{1}{4}"
    assert context.expand(r"\sgn(q)") == r"\operatorname{sgn}(q)"
    assert context.expand(r"1/\Rc", line=3) == "1/r_{c}"      # before \renewcommand
    assert context.expand(r"1/\Rc") == "1/R_c"
    assert context.expand(r"\vbx") == r"\vbx"                    # another command


def test_a_recursive_macro_stops():
    loop = Macro(r"\a", r"x\a")
    expanded = expand_macros(r"\a", {r"\a": loop})
    assert expanded.startswith("x" * 10) and expanded.endswith(r"\a")


# --- values ------------------------------------------------------------------------------------

def test_values_with_units_in_formulas_and_in_words(read):
    text = ("A 1 MeV proton at $L = 4$ with a 30° pitch angle.\n"
            "(bis ca. 6 Erdradii $R_E = 6371$ km)\n"
            "Beispiel: $W = 10 \\text{ keV}, \\, \\alpha_{eq} = 45^0$\n"
            "$B_E = 3.11 \\times 10^{-5} \\text{ T}$, $L = 3$ km, $E = 0$\n")
    values = {(v.line, v.symbol): v for v in read(text).values}
    assert set(values) == {(1, "W"), (1, "L"), (1, "alpha"), (2, "R_E"), (3, "W"),
                           (3, "alpha_eq"), (4, "B_E"), (4, "E")}    # no L in km
    assert values[4, "E"].value == 0            # a case, used on its own line only
    assert values[1, "W"].value == 1e6 * constants.e
    assert values[1, "L"].value == 4 and values[1, "L"].digits == 1
    assert values[1, "alpha"].value == pytest.approx(math.radians(30), rel=1e-15)
    assert values[2, "R_E"].value == 6.371e6 and values[2, "R_E"].digits == 4
    assert values[3, "W"].value == 1e4 * constants.e
    assert values[3, "alpha_eq"].reading == "^0 read as degrees"
    assert values[4, "B_E"].value == 3.11e-5 and values[4, "B_E"].digits == 3


def test_an_energy_written_E_is_the_kinetic_energy(read):
    value, = read("for $E = 2$ MeV electrons").values
    assert (value.symbol, value.value) == ("W", 2e6 * constants.e)


@pytest.mark.parametrize("side, expected", [
    (r"3.11 \times 10^{-5} \text{ T}", (3.11e-5, 3, "T")),
    (r"20.5 \,\mathrm{s}", (20.5, 3, "s")),
    ("0.40", (0.4, 2, None)),
    (r"5^\circ", (math.radians(5), 1, "deg")),
    (r"2.98 L^{-3}", None),                          # a power law, not a value
    (r"\frac{qB}{m}", None),
])
def test_number_with_unit(side, expected):
    found = number_with_unit(side)
    if expected is None:
        assert found is None
        return
    value, digits, unit, _, _ = found
    assert (digits, unit.name if unit else None) == expected[1:]
    assert value == pytest.approx(expected[0], rel=1e-15)


def test_a_unit_in_the_words_after_a_number(read):
    value = next(v for v in read(r"the period $\tau_b \approx 0.4$ s").values)
    assert (value.symbol, value.value, value.unit) == ("tau_b", 0.4, "s")


# --- conditions --------------------------------------------------------------------------------

def test_a_stated_condition_holds_over_the_formulas_that_follow_it(read):
    text = ("Spezialfall: Feld im Vakuum (j = 0):\n"        # 1
            "$$v_R = \\frac{m v^2}{q B^3} B \\times \\nabla B$$\n"   # 2
            "(ohne Beweis)\n"                              # 3
            "$$v_R = \\frac{v^2}{\\omega_c B^2} B \\times \\nabla B$$\n"   # 4
            "Bisherige Driften: Variation von v in der Gyrationsperiode.\n"   # 5
            "$$v = 1$$\n")                                 # 6
    context = read(text)
    assert [(c.key, c.start, c.end) for c in context.conditions] == [("vacuum", 1, 4)]
    assert context.at(4).stated == ("vacuum",)
    assert context.at(6).stated == ()


def test_a_heading_ends_a_condition_and_throughout_lasts(read):
    text = ("Throughout, the particles are non-relativistic.\n"
            "# Drifts\n"
            "For a positive charge:\n"
            "## Mirrors\n"
            "$$x = 1$$\n")
    context = read(text)
    assert context.at(5).stated == ("nonrelativistic",)
    assert context.at(3).stated == ("nonrelativistic", "positive-charge")


def test_a_formula_that_states_a_defined_name_again_is_judged_on_its_own(read):
    context = read("$$G = -\\nabla U$$\n\n$$G = -\\nabla U$$\n\n$$m a = G$$\n")
    assert notation(context) == {"G": "-Grad(U)"}
    assert context.at(3).definitions == {}                   # G stated again on line 3
    assert context.used("G = -\\nabla U", 3) == []
    assert context.at(5).definitions == {"G": "-Grad(U)"}    # G used on line 5
    assert [d.key for d in context.used("m a = G", 5)] == ["G"]


def test_the_toolkits_own_name_is_never_redefined(read):
    definition, = read("$$r_L \\equiv \\frac{v_\\perp}{|\\omega_c|}$$").definitions
    assert definition.role == "derived"


def test_the_units_a_document_says_it_uses(read):
    context = read("We use Gaussian units throughout.\n\n$$\\omega_c = qB/(mc)$$\n\n"
                   "Below, SI units.\n\n$$\\omega_c = qB/m$$\n")
    assert [context.at(line).units for line in (1, 3, 7)] == ["Gaussian", "Gaussian", "SI"]
    assert read("$$x = 1$$ in cgs units").at(1).units == "Gaussian"   # stated after it
    assert read("$$x = 1$$").at(1).units == ""                         # not said
    # said beside a formula of its own line: that formula's units, not the document's
    local = read("$$\\omega_c = qB/m$$\n\nand in Gaussian units $\\omega_c = qB/(mc)$.\n\n"
                 "$$r_L = v_\\perp/\\omega_c$$\n")
    assert [local.at(line).units for line in (1, 3, 5)] == ["", "Gaussian", ""]


def test_an_energy_whose_number_is_set_in_math_and_its_unit_after_it(read):
    # LaTeX papers write "a $1$~MeV proton": the math closes before the unit
    values = {v.symbol: v for v in read("For a $1$~MeV proton, and a $2$ km thing.\n").values}
    assert values["W"].value == 1e6 * constants.e and values["W"].unit == "MeV"
    assert "L" not in values and set(values) == {"W"}
