package com.keydesk.ui;

import java.nio.file.Path;

/** Answers the file choosers with the paths a test sets (null: the person cancelled). */
public final class FakeFilePicker implements FilePicker {
    public Path backupTarget;
    public Path backupToRestore;
    public String suggestedName;
    public Path folderToScan;
    public Path exportTarget;

    @Override
    public Path chooseBackupTarget(String suggestedName) {
        this.suggestedName = suggestedName;
        return backupTarget;
    }

    @Override
    public Path chooseBackupToRestore() {
        return backupToRestore;
    }

    @Override
    public Path chooseExportTarget(String suggestedName) {
        this.suggestedName = suggestedName;
        return exportTarget;
    }

    @Override
    public Path chooseFolderToScan() {
        return folderToScan;
    }
}
