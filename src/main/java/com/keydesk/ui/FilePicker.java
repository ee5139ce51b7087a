package com.keydesk.ui;

import java.nio.file.Path;

/**
 * The file choosers a ViewModel may need, behind an interface so tests can answer with a path.
 * Each returns null when the person cancels.
 */
public interface FilePicker {

    /** Where to write a new backup; {@code suggestedName} is offered as the file name. */
    Path chooseBackupTarget(String suggestedName);

    /** The backup file to restore from. */
    Path chooseBackupToRestore();

    /** Where to write an export; {@code suggestedName} ends in the format's extension (.csv, .json). */
    Path chooseExportTarget(String suggestedName);

    /** The folder to scan for leaked keys. */
    Path chooseFolderToScan();
}
