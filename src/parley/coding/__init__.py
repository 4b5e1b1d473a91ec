"""Event coding: verb and noun patterns as data, arguments on the parse, dates, places."""
