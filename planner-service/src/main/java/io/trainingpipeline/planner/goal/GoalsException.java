package io.trainingpipeline.planner.goal;

/** A goals file that cannot be used; the message names the file, the key and the reason. */
public class GoalsException extends RuntimeException {
    private final String file;
    private final String key;

    public GoalsException(String file, String key, String reason) {
        super(file + ": key '" + key + "': " + reason);
        this.file = file;
        this.key = key;
    }

    /** The goals file (or request part) that was read. */
    public String file() {
        return file;
    }

    /** The offending key, dotted. */
    public String key() {
        return key;
    }
}
