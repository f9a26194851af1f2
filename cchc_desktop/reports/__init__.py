"""The printed documents: report and appendices as PDF, Excel and Word."""
