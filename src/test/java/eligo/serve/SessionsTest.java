package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins never end another principal's session: a partner that signs in again and again (its
 * token in a loop) ends only its own oldest sessions, and a server full of sessions ends the least
 * recently used one, not every session (before, the 10,000th sign-in of one partner signed out
 * everyone, staff included).
 */
class SessionsTest {
  @Test
  void aPartnerSigningInAgainAndAgainEndsOnlyItsOwnOldestSessions() {
    Sessions sessions = new Sessions();
    Sessions.Session staff = sessions.open(Principal.STAFF);
    Sessions.Session other = sessions.open(new Principal("P002"));
    Principal p001 = new Principal("P001");
    List<Sessions.Session> own = new ArrayList<>();
    for (int k = 0; k < Sessions.MAX_SESSIONS + 10; k++) {
      own.add(sessions.open(p001));
    }
    assertThat(sessions.find(staff.id())).isSameAs(staff);
    assertThat(sessions.find(other.id())).isSameAs(other);
    // the partner's latest sessions live, its older ones ended
    List<Sessions.Session> latest = own.subList(own.size() - Sessions.PER_PRINCIPAL, own.size());
    assertThat(latest).allMatch(s -> sessions.find(s.id()) == s);
    assertThat(own.subList(0, own.size() - Sessions.PER_PRINCIPAL))
        .allMatch(s -> sessions.find(s.id()) == null);
  }

  @Test
  void aFullServerEndsTheLeastRecentlyUsedSession() {
    Sessions sessions = new Sessions();
    Sessions.Session staff = sessions.open(Principal.STAFF);
    Sessions.Session first = null;
    for (int k = 0; k < Sessions.MAX_SESSIONS; k++) {
      Sessions.Session s = sessions.open(new Principal("P" + k));
      if (first == null) {
        first = s;
      }
      if (k % 1000 == 0) {
        assertThat(sessions.find(staff.id())).isSameAs(staff); // in use
      }
    }
    // the one past the limit ended the least recently used session: the first partner's
    assertThat(sessions.find(first.id())).isNull();
    assertThat(sessions.find(staff.id())).isSameAs(staff);
  }
}
