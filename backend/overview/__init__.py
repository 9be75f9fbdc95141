"""The park's journey on one page: the overview (dashboard) and the printable report."""
