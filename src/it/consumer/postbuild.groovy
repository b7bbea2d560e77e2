// The first build generated the evaluator, the second found it up to date; the tests ran.
def log = new File(basedir, 'build.log').text
assert log.contains('eligo: generated 1 evaluator class from ')
assert log.contains('eligo: 1 evaluator class up to date in ')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// The three cases of src/main/criteria/widgets.cases, through eligo.testing.CriteriaCases.
assert log =~ /Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* in com\.example\.widgets\.WidgetsCasesTest/
assert new File(basedir, 'target/generated-sources/eligo/com/example/widgets/WidgetsEvaluator.java').isFile()
