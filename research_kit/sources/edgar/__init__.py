"""SEC EDGAR: company identity, profile, financials, 10-K sections, competitors, press releases."""
