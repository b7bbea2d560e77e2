// The build failed at the mistake: file:line:col and the message, then the line and a caret.
def log = new File(basedir, 'build.log').text
assert log.contains("src/main/criteria/widgets.criteria:10:47: error: unknown workload set 'GADGET'; did you mean 'GADGETS'?")
assert log.contains('[ERROR]     value sum revenue for tenant, workload in GADGET, month in TTM(M)\n' +
                    '[ERROR]                                               ^~~~~~\n')
assert !new File(basedir, 'target/generated-sources/eligo').exists()
