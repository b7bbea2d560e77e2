package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.Browser;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench and the partner face in real headless Chromium: staff sign in, type an error and
 * see it at its line, fix it and see the impact; a partner signs in, sees only its customers and is
 * refused another partner's pages.
 */
@Needs(Requirement.CHROMIUM)
class ServeChromiumTest {
  @TempDir static Path tmp;
  static ServedSite site;

  @BeforeAll
  static void start() throws Exception {
    site = new ServedSite(tmp, true);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Browser browser() throws Exception {
    return new Browser(Files.createTempDirectory(tmp, "chromium-profile"));
  }

  static void signIn(Browser b, String token) throws Exception {
    signIn(b, site, token);
  }

  /** Signs in to {@code served} with {@code token}, and waits for the page it leads to. */
  static void signIn(Browser b, ServedSite served, String token) throws Exception {
    b.open(served.server.url() + "login");
    b.eval("document.getElementById('token').focus()");
    b.type(token);
    b.eval("document.getElementById('sign-in').click()");
    b.waitUntil("location.pathname !== '/login' && document.readyState === 'complete'");
  }

  static Set<String> customersOf(String partner) throws Exception {
    return Files.readAllLines(site.data.resolve("customers.csv")).stream()
        .skip(1)
        .filter(l -> l.startsWith(partner + ","))
        .map(l -> l.split(",")[1])
        .collect(Collectors.toSet());
  }

  @Test
  void staffTypeAnErrorSeeItAtItsLineThenFixItAndSeeTheImpact() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      assertThat(b.text("location.pathname")).isEqualTo("/");
      // the page opens on the first criteria file, not on azure.cases before it
      b.waitUntil("document.getElementById('file-name').textContent === 'azure.criteria'");
      assertThat(b.text("document.querySelector('button.file').getAttribute('data-file')"))
          .isEqualTo("azure.cases");
      b.eval("document.querySelector('button.file[data-file=\"azure.criteria\"]').click()");
      b.waitUntil("document.getElementById('source').value.includes('area azure')");
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      // the highlighting: keywords in their spans
      assertThat(b.text("document.querySelector('#highlight .tok-node').textContent"))
          .isEqualTo("gate");
      // select 'value' in the first "    met when value >= 1" line and type a misspelling
      int line = ServeApiTest.firstLineOf("    met when value >= 1");
      String select =
          "(() => { const s = document.getElementById('source'); s.focus();"
              + " const lines = s.value.split('\\n'); let at = 0;"
              + (" for (let i = 0; i < " + (line - 1) + "; i++) at += lines[i].length + 1;")
              + (" const col = lines[" + (line - 1) + "].indexOf('value');")
              + " s.setSelectionRange(at + col, at + col"
              + (" + 5); return lines[" + (line - 1) + "]; })()");
      assertThat(b.text(select)).isEqualTo("    met when value >= 1");
      b.type("valeu");
      b.waitUntil(
          "[...document.querySelectorAll('#diagnostics li.error')]"
              + ".some(li => li.textContent.startsWith('azure.criteria:"
              + line
              + ":14: error'))");
      assertThat(
              b.eval(
                      "document.querySelector('#highlight .line[data-line=\""
                          + line
                          + "\"]')"
                          + ".classList.contains('mark-error')")
                  .asBoolean())
          .isTrue();
      b.waitUntil("document.getElementById('status').textContent === '1 error(s)'");
      // fix the word and raise the threshold: one threshold edit
      b.eval(
          "(() => { const s = document.getElementById('source'); s.focus();"
              + " const at = s.value.indexOf('met when valeu >= 1');"
              + " s.setSelectionRange(at, at + 'met when valeu >= 1'.length); })()");
      b.type("met when value >= 3");
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      b.waitUntil(
          "/customers change/.test(document.getElementById('impact-headline').textContent)");
      String headline = b.text("document.getElementById('impact-headline').textContent");
      assertThat(headline).matches("[1-9][0-9]* of 400 customers change .*");
      assertThat(
              b.text(
                  "[...document.querySelectorAll('#impact table')[0].rows]"
                      + ".map(r => r.textContent).join('|')"))
          // titles for people, the id beside them, outcomes in the report's words
          .contains("AzureAzure services (workloads)")
          .contains("Met → Not met");
      assertThat(b.eval("document.querySelectorAll('#diagnostics li.error').length").asInt())
          .isZero();
    }
  }

  /** Replaces the first {@code from} of the open file's text with {@code to}, as typed. */
  static void replaceInEditor(Browser b, String from, String to) throws Exception {
    b.eval(
        "(() => { const s = document.getElementById('source'); s.focus();"
            + (" const at = s.value.indexOf(" + Exchange.JSON.writeValueAsString(from) + ");")
            + (" s.setSelectionRange(at, at + " + from.length() + "); })()"));
    b.type(to);
  }

  static void openAzure(Browser b) throws Exception {
    b.eval("document.querySelector('button.file[data-file=\"azure.criteria\"]').click()");
    b.waitUntil("document.getElementById('source').value.includes('area azure')");
    b.waitUntil("document.getElementById('status').textContent === 'no errors'");
  }

  @Test
  void theImpactHeadlineCountsEveryCustomerThatChangesNotOnlyTheFiftyListed() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      openAzure(b);
      // the first gate's threshold from 1 to 2: more than 50 customers change
      replaceInEditor(b, "    met when value >= 1", "    met when value >= 2");
      b.waitUntil(
          "/customers change/.test(document.getElementById('impact-headline').textContent)");
      int changed =
          b.eval(
                  "fetch('/api/impact', {method: 'POST', headers: {'Content-Type':"
                      + " 'application/json', 'X-CSRF-Token': document.querySelector("
                      + "'meta[name=\"csrf-token\"]').content}, body: JSON.stringify({files:"
                      + " {'azure.criteria': document.getElementById('source').value}})})"
                      + ".then(r => r.json()).then(d => d.customersChanged)")
              .asInt();
      assertThat(changed).isGreaterThan(50);
      // before, the headline said "50 of 400 customers change": the listed ones
      assertThat(b.text("document.getElementById('impact-headline').textContent"))
          .startsWith(changed + " of 400 customers change (50 listed below)");
      assertThat(b.text("document.getElementById('impact').textContent"))
          .contains("… and " + (changed - 50) + " more customers changed");
    }
  }

  @Test
  void anEditThatChangesNoOutcomeSaysSoWithoutEmptyTables() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      openAzure(b);
      replaceInEditor(b, "    met when value >= 1", "    met when value >= 2");
      b.waitUntil(
          "/customers change/.test(document.getElementById('impact-headline').textContent)");
      // back to the saved rule, with a comment changed: an edit, but no customer changes
      replaceInEditor(b, "    met when value >= 2", "    met when value >= 1");
      replaceInEditor(b, "# The attributed ACR", "# The ACR");
      b.waitUntil(
          "/No customer changes/.test(document.getElementById('impact-headline').textContent)");
      // before: "0 of 400 customers change (0 listed below); 0 partner rows change." over three
      // tables of headers only
      assertThat(b.text("document.getElementById('impact-headline').textContent"))
          .isEqualTo(
              "No customer changes: on the loaded data this edit changes no node's outcome or"
                  + " value for any of the 400 customers, nor any partner's.");
      assertThat(b.eval("document.querySelectorAll('#impact table').length").asInt()).isZero();
      assertThat(
              b.eval("document.getElementById('impact').classList.contains('stale')").asBoolean())
          .isFalse();
    }
  }

  @Test
  void anEditWithErrorsSaysTheImpactShownIsOfTheLastEditWithout() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      openAzure(b);
      replaceInEditor(b, "    met when value >= 1", "    met when value >= 2");
      b.waitUntil(
          "/customers change/.test(document.getElementById('impact-headline').textContent)");
      replaceInEditor(b, "    met when value >= 2", "    met when value >=");
      b.waitUntil("document.getElementById('status').textContent === '1 error(s)'");
      // before, the headline still said "89 of 400 customers change", as if of this text
      String headline = b.text("document.getElementById('impact-headline').textContent");
      assertThat(headline)
          .doesNotContain("customers change")
          .contains("errors")
          .contains("last edit without errors");
      assertThat(
              b.eval("document.getElementById('impact').classList.contains('stale')").asBoolean())
          .isTrue();
      // fixed: the impact is current again
      replaceInEditor(b, "    met when value >=", "    met when value >= 2");
      b.waitUntil(
          "/customers change/.test(document.getElementById('impact-headline').textContent)");
      assertThat(
              b.eval("document.getElementById('impact').classList.contains('stale')").asBoolean())
          .isFalse();
    }
  }

  @Test
  void aStoppedServerIsSaidSoAndTheEditsStay() throws Exception {
    ServedSite own = new ServedSite(Files.createTempDirectory(tmp, "stopped"), true);
    try (Browser b = browser()) {
      signIn(b, own, ServedSite.STAFF);
      openAzure(b);
      own.close();
      replaceInEditor(b, "    met when value >= 1", "    met when value >= 2");
      // before, the status said "checking…" for ever
      b.waitUntil("/does not answer/.test(document.getElementById('status').textContent)");
      b.eval("document.getElementById('save').click()");
      b.waitUntil("document.getElementById('status').textContent !== 'saving…'");
      assertThat(b.text("document.getElementById('status').textContent"))
          .contains("does not answer");
      assertThat(b.text("document.getElementById('source').value"))
          .contains("    met when value >= 2");
    } finally {
      own.close();
    }
  }

  @Test
  void aPageWhoseSessionEndedSavesItsEditsOnceSignedInAgain() throws Exception {
    ServedSite own = new ServedSite(Files.createTempDirectory(tmp, "session"), true);
    try (Browser b = browser()) {
      signIn(b, own, ServedSite.STAFF);
      openAzure(b);
      replaceInEditor(b, "area azure", "# reviewed\narea azure");
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      // the session ends (signed out elsewhere; a restarted server forgets every session)
      b.eval(
          "fetch('/logout', {method: 'POST', headers: {'Content-Type':"
              + " 'application/x-www-form-urlencoded'}, body: 'csrf=' + encodeURIComponent("
              + "document.querySelector('meta[name=\"csrf-token\"]').content)}).then(r => r.status)");
      b.eval("document.getElementById('save').click()");
      b.waitUntil("document.getElementById('status').textContent !== 'saving…'");
      assertThat(b.text("document.getElementById('status').textContent")).contains("sign in again");
      // signed in again (another tab, here a request of this page): the page's CSRF token is
      // the old session's; before, Save said "missing or wrong CSRF token: reload the page",
      // and a reload drops the edits
      b.eval(
          "fetch('/login', {method: 'POST', headers: {'Content-Type':"
              + " 'application/x-www-form-urlencoded'}, body: 'token="
              + ServedSite.STAFF
              + "'}).then(r => r.status)");
      b.eval("document.getElementById('save').click()");
      // saved (then checked again)
      b.waitUntil(
          "document.getElementById('save').disabled"
              + " && document.querySelector('button.file.edited') === null");
      assertThat(Files.readString(own.criteria.resolve("azure.criteria")))
          .contains("# reviewed\narea azure");
    } finally {
      own.close();
    }
  }

  /**
   * A second editor's save (someone saved the file since the page read it) shows where their text
   * and the edit differ, keeps the edit, and saves it over theirs or takes theirs, as chosen.
   * Before, the page said "reload it, then apply your edit", and a reload dropped the edit.
   */
  @Test
  void aSaveAfterSomeoneElsesShowsBothAndKeepsTheChosenText() throws Exception {
    ServedSite own = new ServedSite(Files.createTempDirectory(tmp, "conflict"), true);
    Path file = own.criteria.resolve("azure.criteria");
    try (Browser b = browser()) {
      signIn(b, own, ServedSite.STAFF);
      openAzure(b);
      for (String choice : new String[] {"keep-mine", "take-theirs"}) {
        replaceInEditor(b, "area azure", "# mine, " + choice + "\narea azure");
        b.waitUntil("document.getElementById('status').textContent === 'no errors'");
        // someone else saves first, from the version this page read
        String before = Files.readString(file);
        theirSave(b, "# theirs, " + choice);
        long until = System.nanoTime() + 10_000_000_000L;
        while (Files.readString(file).equals(before) && System.nanoTime() < until) {
          Thread.sleep(50);
        }
        assertThat(Files.readString(file)).startsWith("# theirs, " + choice + "\n");
        b.eval("document.getElementById('save').click()");
        b.waitUntil("!document.getElementById('conflict').hidden");
        String diff = b.text("document.getElementById('conflict-diff').textContent");
        assertThat(diff)
            .contains("-    1  # theirs, " + choice)
            .containsPattern("\\+ +[0-9]+  # mine, " + choice)
            .doesNotContain("met when"); // only the lines near the change
        assertThat(b.text("document.getElementById('source').value")).contains("# mine, " + choice);
        b.eval("document.getElementById('" + choice + "').click()");
        b.waitUntil(
            "document.getElementById('conflict').hidden"
                + " && document.querySelector('button.file.edited') === null");
        b.waitUntil("document.getElementById('status').textContent === 'no errors'");
        String saved = Files.readString(file);
        if (choice.equals("keep-mine")) {
          assertThat(saved).contains("# mine, keep-mine\narea azure").doesNotContain("# theirs");
        } else {
          assertThat(saved)
              .startsWith("# theirs, take-theirs\n")
              .doesNotContain("take-theirs\narea");
        }
        assertThat(b.text("document.getElementById('source').value")).isEqualTo(saved);
      }
    } finally {
      own.close();
    }
  }

  /** Saves azure.criteria with {@code line} added at its top, as another editor would. */
  private static void theirSave(Browser b, String line) throws Exception {
    b.eval(
        "fetch('/api/files/azure.criteria').then(r => r.json()).then(j =>"
            + " fetch('/api/files/azure.criteria', {method: 'PUT', headers: {'Content-Type':"
            + " 'application/json', 'X-CSRF-Token':"
            + " document.querySelector('meta[name=\"csrf-token\"]').content},"
            + (" body: JSON.stringify({text: " + Exchange.JSON.writeValueAsString(line + "\n"))
            + " + j.text, version: j.version})})).then(r => r.status)");
  }

  @Test
  void theTabsAreTabsToAssistiveTechnology() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      String tabs =
          "[...document.querySelectorAll('.tabbar button')].map(t => t.getAttribute('role') + ':'"
              + " + t.getAttribute('aria-selected') + ':' + t.getAttribute('aria-controls'))"
              + ".join(',')";
      // before, a role=tablist of plain buttons: a list of no tabs to a screen reader
      assertThat(b.text(tabs))
          .isEqualTo(
              "tab:true:tab-impact,tab:false:tab-cases,tab:false:tab-explain,tab:false:tab-tree");
      b.eval("document.querySelector('[data-tab=cases]').click()");
      assertThat(b.text(tabs))
          .isEqualTo(
              "tab:false:tab-impact,tab:true:tab-cases,tab:false:tab-explain,tab:false:tab-tree");
      assertThat(b.text("document.getElementById('tab-cases').getAttribute('role')"))
          .isEqualTo("tabpanel");
    }
  }

  @Test
  void signOutEndsTheSession() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      b.eval("document.querySelector('form.signout button').click()");
      // before, a page "403 missing or wrong CSRF token: reload the page": the form's csrf field
      // was not read
      b.waitUntil("location.pathname === '/login' && document.readyState === 'complete'");
      assertThat(b.eval("fetch('/api/session').then(r => r.status)").asInt()).isEqualTo(401);
    }
  }

  /**
   * A partner (whose pages are the report's, with no sign-out form) signs out at /logout: the GET
   * shows a button and signs no one out (before, it signed out, so any link or image on a page of
   * the site could); the button does.
   */
  @Test
  void aPartnerSignsOutAtLogoutWithItsButtonAndAGetAloneSignsNoOneOut() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.P001);
      b.open(site.server.url() + "logout");
      b.waitUntil("document.readyState === 'complete'");
      assertThat(b.eval("fetch('/api/session').then(r => r.status)").asInt()).isEqualTo(200);
      b.eval("document.getElementById('sign-out').click()");
      b.waitUntil("location.pathname === '/login' && document.readyState === 'complete'");
      assertThat(b.eval("fetch('/api/session').then(r => r.status)").asInt()).isEqualTo(401);
    }
  }

  /** Whether leaving the page now would ask first (a beforeunload listener cancels it). */
  static boolean leavingAsks(Browser b) throws Exception {
    return b.eval(
            "(() => { const e = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(e); return e.defaultPrevented; })()")
        .asBoolean();
  }

  @Test
  void leavingThePageWithUnsavedEditsAsksFirst() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      openAzure(b);
      assertThat(leavingAsks(b)).isFalse();
      replaceInEditor(b, "    met when value >= 1", "    met when value >= 2");
      b.waitUntil("document.querySelector('button.file.edited') !== null");
      // before, a click on a partner's link or a reload dropped the edit without a word
      assertThat(leavingAsks(b)).isTrue();
      replaceInEditor(b, "    met when value >= 2", "    met when value >= 1");
      b.waitUntil("document.querySelector('button.file.edited') === null");
      assertThat(leavingAsks(b)).isFalse();
    }
  }

  @Test
  void enterInAPartnersCustomerSearchKeepsThePageAndItsHits() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.P001);
      b.open(site.server.url() + "p/P001/customers.html");
      String first = customersOf("P001").stream().sorted().findFirst().orElseThrow();
      b.eval("(() => { window.stillHere = true; document.getElementById('q').focus(); })()");
      b.type(first);
      b.waitUntil("/found/.test(document.getElementById('hits').textContent)");
      for (String type : new String[] {"keyDown", "char", "keyUp"}) {
        b.call(
            "Input.dispatchKeyEvent",
            java.util.Map.of(
                "type",
                type,
                "key",
                "Enter",
                "code",
                "Enter",
                "text",
                "\r",
                "windowsVirtualKeyCode",
                13));
      }
      Thread.sleep(1000);
      b.waitUntil("document.readyState === 'complete'");
      // before, the page's inline onsubmit was refused by the Content-Security-Policy: Enter
      // submitted the form, the page loaded again as customers.html? and the hits were gone
      assertThat(b.text("location.pathname + location.search")).isEqualTo("/p/P001/customers.html");
      assertThat(b.eval("window.stillHere === true").asBoolean()).isTrue();
      assertThat(b.text("document.getElementById('results').innerText")).contains(first);
    }
  }

  @Test
  void staffGetSuggestionsWithCtrlSpaceAndSeeWhatTheWordAtTheCursorIs() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.STAFF);
      b.eval("document.querySelector('button.file[data-file=\"azure.criteria\"]').click()");
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      // cut "    value count type in AZURE_TYPES" back to "AZURE_T", caret after it
      String cut =
          "(() => { const s = document.getElementById('source'); s.focus();"
              + " const at = s.value.indexOf('value count type in AZURE_TYPES')"
              + " + 'value count type in '.length;"
              + " s.setSelectionRange(at, at + 'AZURE_TYPES'.length); })()";
      b.eval(cut);
      b.type("AZURE_T");
      b.eval(
          "document.getElementById('source').dispatchEvent(new KeyboardEvent('keydown',"
              + " {key: ' ', code: 'Space', ctrlKey: true, bubbles: true}))");
      b.waitUntil("document.querySelectorAll('#suggestions li').length > 0");
      assertThat(
              b.text(
                  "[...document.querySelectorAll('#suggestions li')]"
                      + ".map(li => li.firstChild.textContent).join(',')"))
          .contains("AZURE_TYPES")
          .doesNotContain("CSP");
      assertThat(b.text("document.getElementById('suggest-box').hidden + ''")).isEqualTo("false");
      // choose AZURE_TYPES with the arrows and Enter
      String choose =
          "(() => { const s = document.getElementById('source');"
              + " const labels = [...document.querySelectorAll('#suggestions li')]"
              + ".map(li => li.firstChild.textContent);"
              + " const want = labels.indexOf('AZURE_TYPES');"
              + " for (let i = 0; i < want; i++) s.dispatchEvent(new KeyboardEvent('keydown',"
              + " {key: 'ArrowDown', bubbles: true}));"
              + " s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));"
              + " return want; })()";
      assertThat(b.eval(choose).asInt()).isNotNegative();
      assertThat(b.text("document.getElementById('source').value"))
          .contains("    value count type in AZURE_TYPES\n");
      assertThat(b.text("document.getElementById('suggest-box').hidden + ''")).isEqualTo("true");
      b.waitUntil("document.getElementById('status').textContent === 'no errors'");
      // a click in the word: what it is shows under the editor
      b.eval(
          "(() => { const s = document.getElementById('source');"
              + " const at = s.value.indexOf('in AZURE_TYPES') + 5;"
              + " s.setSelectionRange(at, at); s.dispatchEvent(new MouseEvent('click')); })()");
      b.waitUntil("document.getElementById('hover').textContent.includes('AZURE_TYPES')");
      // after four emoji on its line (two UTF-16 units each, one column of the checker's), a
      // click in the word still finds it: the browser's columns were one ahead per emoji, so the
      // server looked past the word
      b.eval(
          "(() => { const s = document.getElementById('source');"
              + " s.value = s.value.replace('\"Virtual Machine Licenses\"\\n      where sum acr via"
              + " AZURE_TYPES', '\"Virtual Machine Licenses \\u{1F600}\\u{1F600}\\u{1F600}\\u{1F600}\""
              + " where sum acr via AZURE_TYPES');"
              + " s.dispatchEvent(new Event('input')); })()");
      b.waitUntil("document.getElementById('source').value.includes('\\u{1F600}\" where')");
      b.eval(
          "(() => { const s = document.getElementById('source');"
              + " const at = s.value.indexOf('via AZURE_TYPES for tenant, month') + 'via AZURE_TY'.length;"
              + " s.setSelectionRange(at, at); document.getElementById('hover').textContent = '';"
              + " s.dispatchEvent(new MouseEvent('click')); })()");
      b.waitUntil("document.getElementById('hover').textContent.includes('AZURE_TYPES')");
    }
  }

  @Test
  void aPartnerSeesOnlyItsCustomersAndIsRefusedAnotherPartnersPages() throws Exception {
    try (Browser b = browser()) {
      signIn(b, ServedSite.P001);
      assertThat(b.text("location.pathname")).isEqualTo("/p/P001/index.html");
      b.open(site.server.url() + "p/P001/customers.html");
      String page = b.text("document.body.innerText");
      Set<String> own = customersOf("P001");
      assertThat(own).allMatch(page::contains);
      for (String other : customersOf("P002")) {
        assertThat(page).doesNotContain(other);
      }
      // the search's index is a script in the page: it runs under the answer's nonce
      String first = own.stream().sorted().findFirst().orElseThrow();
      b.eval(
          "(() => { const q = document.getElementById('q'); q.value = '"
              + first
              + "'; q.dispatchEvent(new Event('input')); return 1; })()");
      assertThat(b.text("document.getElementById('hits').innerText")).matches("[1-9][0-9]* found");
      assertThat(b.text("document.getElementById('results').innerText")).contains(first);
      assertThat(b.eval("fetch('/api/partners/P002/summary').then(r => r.status)").asInt())
          .isEqualTo(403);
      assertThat(b.eval("fetch('/api/partners/P001/summary').then(r => r.status)").asInt())
          .isEqualTo(200);
      b.open(site.server.url() + "p/P002/index.html");
      assertThat(b.text("document.body.innerText")).contains("not allowed");
      for (String other : customersOf("P002")) {
        assertThat(b.text("document.body.innerText")).doesNotContain(other);
      }
      // the workbench is staff's
      assertThat(
              b.eval(
                      "fetch('/api/check', {method: 'POST', headers: {'Content-Type':"
                          + " 'application/json'}, body: '{}'}).then(r => r.status)")
                  .asInt())
          .isEqualTo(403);
    }
  }
}
