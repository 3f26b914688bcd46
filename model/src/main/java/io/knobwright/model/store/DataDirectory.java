package io.knobwright.model.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives: the --data-dir flag, else $KNOBWRIGHT_HOME, else ~/.knobwright.
 * Shared by the CLI and the workbench so both open the same store by default.
 */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "KNOBWRIGHT_HOME";
    public static final String DEFAULT_FOLDER = ".knobwright";

    private DataDirectory() {
    }

    /** Resolves against the current user's home directory (system property user.home). */
    public static Path resolve(String dataDirFlag, Map<String, String> env) {
        return resolve(dataDirFlag, env, Path.of(System.getProperty("user.home")));
    }

    /**
     * @param dataDirFlag value of --data-dir, null or blank when not given
     * @param env         the process environment (System.getenv() in production)
     * @param userHome    the user's home directory; also used to expand a leading "~", which the shell
     *                    does not expand in "--data-dir=~/x"
     * @return an absolute, normalised path; the directory may not exist yet
     */
    public static Path resolve(String dataDirFlag, Map<String, String> env, Path userHome) {
        if (dataDirFlag != null && !dataDirFlag.isBlank()) {
            return absolute(dataDirFlag.strip(), userHome);
        }
        String fromEnv = env == null ? null : env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return absolute(fromEnv.strip(), userHome);
        }
        return userHome.resolve(DEFAULT_FOLDER).toAbsolutePath().normalize();
    }

    private static Path absolute(String text, Path userHome) {
        Path path;
        if (text.equals("~")) {
            path = userHome;
        } else if (text.startsWith("~/") || text.startsWith("~\\")) {
            path = userHome.resolve(text.substring(2));
        } else {
            path = Path.of(text);
        }
        return path.toAbsolutePath().normalize();
    }
}
