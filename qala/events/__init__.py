"""Events (meetings, visits, calls, agreements, statements...), dates and figures."""
