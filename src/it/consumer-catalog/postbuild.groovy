// The build failed at the criteria line naming the family, offering the catalog's exact name.
def log = new File(basedir, 'build.log').text
assert log.contains('src/main/criteria/widgets.criteria:5:21: error: the data has no workload family "gadgets": names must match to the letter; the data writes it "Gadgets"')
assert !new File(basedir, 'target/generated-sources/eligo').exists()
