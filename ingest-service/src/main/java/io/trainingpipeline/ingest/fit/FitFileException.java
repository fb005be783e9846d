package io.trainingpipeline.ingest.fit;

/** A FIT file that cannot be read; the message names the file and what is wrong with it. */
public class FitFileException extends Exception {
    private final String fileName;

    public FitFileException(String fileName, String reason, Throwable cause) {
        super(fileName + ": " + reason, cause);
        this.fileName = fileName;
    }

    /** The file's name as given by the caller. */
    public String fileName() {
        return fileName;
    }
}
