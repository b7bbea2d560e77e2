package eligo.codegen;

import com.palantir.javapoet.NameAllocator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for generated members and locals. Names derived from criteria text (node ids, area
 * ids) keep only ASCII letters and digits, camel-cased at every other character, so no criteria
 * text can reach the code except as such an identifier.
 */
final class Names {
  /** Identifiers that compile as names but read badly or break unqualified calls. */
  private static final List<String> RESTRICTED =
      List.of("var", "yield", "record", "sealed", "permits", "non-sealed");

  /** Members of {@link Object}: never reused for generated methods. */
  static final List<String> OBJECT_MEMBERS =
      List.of(
          "clone",
          "equals",
          "finalize",
          "getClass",
          "hashCode",
          "notify",
          "notifyAll",
          "toString",
          "wait");

  private final NameAllocator allocator = new NameAllocator();
  private final Set<String> used = new HashSet<>();

  /**
   * {@code net-customer-adds} → {@code netCustomerAdds}; {@code usage-growth.cpor} → {@code
   * usageGrowthCpor}; with {@code upperFirst}, {@code bizapps-smb} → {@code BizappsSmb}. Empty when
   * the text has no ASCII letter or digit.
   */
  static String camel(String text, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char ch = i < text.length() ? text.charAt(i) : ' ';
      if (ch < 128 && Character.isLetterOrDigit(ch)) {
        part.append(ch);
      } else if (part.length() > 0) {
        appendPart(out, part.toString(), upperFirst);
        part.setLength(0);
      }
    }
    return out.toString();
  }

  private static void appendPart(StringBuilder out, String part, boolean upperFirst) {
    // an all-capitals part ("CPOR") reads better as a word ("cpor", "Cpor")
    if (part.length() > 1 && part.equals(part.toUpperCase(java.util.Locale.ROOT))) {
      part = part.toLowerCase(java.util.Locale.ROOT);
    }
    char first = part.charAt(0);
    boolean upper = out.length() > 0 || upperFirst;
    out.append(upper ? Character.toUpperCase(first) : Character.toLowerCase(first));
    out.append(part, 1, part.length());
  }

  /** Whether {@code name} may be used as a generated member or local name. */
  static boolean usable(String name) {
    return SourceVersion.isIdentifier(name)
        && !SourceVersion.isKeyword(name)
        && !RESTRICTED.contains(name)
        && !name.contains("$");
  }

  /** Marks a fixed name as taken. */
  Names reserve(String... names) {
    for (String name : names) {
      used.add(name);
      allocator.newName(name);
    }
    return this;
  }

  Names reserveAll(Iterable<String> names) {
    for (String name : names) {
      reserve(name);
    }
    return this;
  }

  /**
   * A fresh name from {@code base} (already a plain identifier-ish string, possibly empty): {@code
   * base}, else {@code base2}, {@code base3}... {@code fallback} stands in for an empty base and
   * prefixes a base that does not start with a letter.
   */
  String allocate(String base, String fallback) {
    String b = base;
    if (b.isEmpty()) {
      b = fallback;
    } else if (!Character.isLetter(b.charAt(0))) {
      b = fallback + b;
    }
    for (int i = 1; ; i++) {
      String candidate = i == 1 ? b : b + i;
      if (!used.contains(candidate) && usable(candidate)) {
        String name = allocator.newName(candidate);
        if (!name.equals(candidate)) {
          throw new IllegalStateException("name allocator disagrees: " + candidate + " → " + name);
        }
        used.add(name);
        return name;
      }
    }
  }

  /** A member or local name derived from a criteria id (see {@link #camel}). */
  String fromId(String id, String fallback) {
    return allocate(camel(id, false), fallback);
  }

  Set<String> used() {
    return Set.copyOf(used);
  }
}
