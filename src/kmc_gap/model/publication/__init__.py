"""Published standards (a 職能基準 as iCAP publishes it) read into kmc-gap's standard format."""
