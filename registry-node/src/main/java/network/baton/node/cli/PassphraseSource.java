package network.baton.node.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import network.baton.node.config.ConfigException;

/**
 * Where a command gets a key passphrase: the first line of {@code --passphrase-file}, else an
 * environment variable, else a prompt with echo off when a console is present; otherwise a clear
 * usage error. The passphrase is never printed.
 */
final class PassphraseSource {
  private final String variable;
  private final UnaryOperator<String> environment;
  private final Console console;

  PassphraseSource(String variable, UnaryOperator<String> environment, Console console) {
    this.variable = variable;
    this.environment = environment;
    this.console = console;
  }

  /** The passphrase from the process environment or its console. */
  static PassphraseSource of(String variable) {
    return new PassphraseSource(variable, System::getenv, System.console());
  }

  /** Reads the passphrase; {@code confirm} asks twice at a prompt (for a new key). */
  char[] read(Path file, String prompt, boolean confirm) {
    if (file != null) {
      try {
        String first =
            Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (first.isEmpty()) throw new ConfigException("passphrase file " + file + " is empty");
        return first.toCharArray();
      } catch (IOException e) {
        throw new ConfigException("cannot read passphrase file " + file + ": " + e.getMessage());
      }
    }
    String fromEnv = environment.apply(variable);
    if (fromEnv != null && !fromEnv.isEmpty()) return fromEnv.toCharArray();
    if (console == null) {
      throw new ConfigException(
          "no passphrase: set "
              + variable
              + " or give --passphrase-file FILE (no console to ask on)");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (first == null || first.length == 0) throw new ConfigException("no passphrase given");
    if (confirm) {
      char[] again = console.readPassword("%s (again): ", prompt);
      if (!Arrays.equals(first, again)) throw new ConfigException("the two passphrases differ");
    }
    return first;
  }
}
