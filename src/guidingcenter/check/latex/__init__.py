"""The LaTeX reader: lexer, grammar (in parts) and the table of names."""
