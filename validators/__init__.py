"""Validation of iJw/iWmo messages: XSD, in-message, cross-message and registry rules."""
