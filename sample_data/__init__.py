"""The bundled sample minutes (real public documents of Statistics Sweden), shipped for --demo."""
