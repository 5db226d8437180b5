package samlab.data;

import java.util.Locale;

/** The official training or test part of a dataset. */
public enum Split {
    TRAIN, TEST;

    /** Lower-case name, as in folder names and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
