"""Files the package ships: the schema.org JSON-LD context its exports are checked against."""
