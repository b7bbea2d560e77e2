package eligo.maven;

import eligo.check.Frontend;
import eligo.codegen.SourceFolder;
import eligo.engine.CriteriaFailure;
import eligo.engine.DataFailure;
import eligo.engine.Eligo;
import eligo.engine.GeneratedSources;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code eligo:generate}: compiles the project's criteria folder into one Java evaluator class per
 * solution area and adds them to the compile source roots. Criteria errors fail the build at {@code
 * file:line:col} with the line and a caret; warnings are logged. Sources generated from the same
 * criteria content, package and plugin are not generated again.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /** The folder of {@code *.criteria} files (not its subfolders). */
  @Parameter(defaultValue = "${basedir}/src/main/criteria", required = true)
  File criteriaDirectory;

  /** Where the Java sources go; added to the compile source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/eligo", required = true)
  File outputDirectory;

  /** The package of the generated classes. */
  @Parameter(defaultValue = "eligo.generated", required = true)
  String packageName;

  /**
   * A workload catalog ({@code workloads.csv} of the data the evaluators will run on: columns
   * {@code workload} and {@code family}). When given, every workload and family name of the
   * criteria is held against it before sources are generated, as {@code eligo run} holds them
   * against its dataset: a name that differs from the catalog's only in case or spaces fails the
   * build at its criteria line; a name the catalog lacks is a warning.
   */
  @Parameter File catalog;

  /**
   * Skips the goal ({@code -Deligo.skip}): nothing is read or generated; sources generated before,
   * if any, are still added to the compile source roots.
   */
  @Parameter(property = "eligo.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Which execution this is: each keeps its own stamp in the output folder. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution execution;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      Path output = outputDirectory.toPath();
      if (Files.isDirectory(output)) {
        project.addCompileSourceRoot(output.toString());
      }
      getLog().info("eligo: skipped (eligo.skip)");
      return;
    }
    Path criteria = criteriaDirectory.toPath();
    if ("pom".equals(project.getPackaging()) && !Files.isDirectory(criteria)) {
      // a parent that declares the goal for its modules: it compiles nothing itself
      getLog().info("eligo: skipped: a pom-packaged project with no criteria folder " + criteria);
      return;
    }
    if (!Files.isDirectory(criteria)) {
      throw new MojoFailureException(
          "criteria folder "
              + criteria
              + " does not exist or is not a folder (set criteriaDirectory)");
    }
    if (!SourceVersion.isName(packageName)) {
      throw new MojoFailureException(
          "packageName '" + packageName + "' is not a Java package name");
    }
    if (!hasCriteriaFiles(criteria)) {
      // generating nothing would leave the build to fail later, on the classes it lacks
      throw new MojoFailureException(
          "criteria folder " + criteria + " has no *.criteria files (set criteriaDirectory)");
    }
    if (catalog != null) {
      bindToCatalog(criteria); // before anything is generated
    }
    Path output = outputDirectory.toPath();
    GeneratedSources.Result r;
    try {
      String stamp = SourceFolder.stampName(execution == null ? null : execution.getExecutionId());
      r = GeneratedSources.generate(criteria, output, stamp, packageName, generator());
    } catch (SourceFolder.Clash e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot generate from " + criteria + ": " + e, e);
    }
    for (String f : r.unexpected()) {
      getLog()
          .warn(
              "eligo: "
                  + output.resolve(f)
                  + " was not generated by eligo, yet it is compiled with the generated"
                  + " classes; eligo leaves it (delete it, or generate into an outputDirectory of"
                  + " its own)");
    }
    if (r.upToDate()) {
      getLog().info("eligo: " + classes(r) + " up to date in " + output);
    } else if (!r.compilation().ok()) {
      throw new MojoFailureException(
          "criteria errors:\n" + Diagnostics.render(r.compilation().diagnostics()));
    } else {
      for (Diagnostic d : r.compilation().diagnostics()) {
        getLog().warn(d.render());
      }
      for (String reason : r.reasons()) {
        getLog().info("eligo: " + reason + " (in " + output + "): generating again");
      }
      getLog().info("eligo: generated " + classes(r) + " from " + criteria + " into " + output);
    }
    project.addCompileSourceRoot(output.toString());
  }

  /** Holds the criteria's names against {@link #catalog}: errors fail the build. */
  private void bindToCatalog(Path criteria) throws MojoFailureException {
    Frontend.Compilation c;
    try {
      c = Eligo.compileCriteria(criteria);
    } catch (CriteriaFailure f) {
      throw new MojoFailureException("criteria errors:\n" + Diagnostics.render(f.diagnostics()));
    }
    try {
      for (Diagnostic d : Eligo.bindToCatalog(c, catalog.toPath())) {
        getLog().warn(d.render());
      }
    } catch (CriteriaFailure f) {
      throw new MojoFailureException(
          "criteria names not in the catalog "
              + catalog
              + ":\n"
              + Diagnostics.render(f.diagnostics()));
    } catch (DataFailure f) {
      throw new MojoFailureException("catalog " + catalog + ": " + f.getMessage());
    }
  }

  /** Whether {@code folder} holds a {@code *.criteria} file (its subfolders are not read). */
  private static boolean hasCriteriaFiles(Path folder) throws MojoExecutionException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.anyMatch(
          p -> p.getFileName().toString().endsWith(".criteria") && Files.isRegularFile(p));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read criteria folder " + folder + ": " + e, e);
    }
  }

  private static String classes(GeneratedSources.Result r) {
    int n = r.files().size();
    return n + (n == 1 ? " evaluator class" : " evaluator classes");
  }

  /**
   * What generated the sources: the SHA-256 of the plugin jar, so a changed plugin (even of the
   * same SNAPSHOT version) generates again; null, meaning always generate, when the plugin does not
   * run from a jar.
   */
  private static String generator() throws MojoExecutionException {
    CodeSource source = GenerateMojo.class.getProtectionDomain().getCodeSource();
    try {
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar == null || !Files.isRegularFile(jar)) {
        return null;
      }
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    } catch (URISyntaxException | IOException | NoSuchAlgorithmException e) {
      throw new MojoExecutionException("cannot read the eligo plugin jar: " + e, e);
    }
  }
}
