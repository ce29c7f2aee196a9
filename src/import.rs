//! Turns pasted or dropped files and HTML into plain article text.
