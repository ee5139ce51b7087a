package com.keydesk.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The platform's file choosers, owned by the main window. */
public final class FxFilePicker implements FilePicker {
    private final Supplier<Window> owner;

    public FxFilePicker(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Path chooseBackupTarget(String suggestedName) {
        FileChooser chooser = chooser("backup.chooser.save");
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return file == null ? null : file.toPath();
    }

    @Override
    public Path chooseBackupToRestore() {
        File file = chooser("backup.chooser.open").showOpenDialog(owner.get());
        return file == null ? null : file.toPath();
    }

    @Override
    public Path chooseExportTarget(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.format("window.title.with", Messages.get("export.chooser.save")));
        String extension = suggestedName.substring(suggestedName.lastIndexOf('.') + 1);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension),
                new FileChooser.ExtensionFilter(Messages.get("backup.chooser.all"), "*"));
        chooser.setInitialDirectory(new File(System.getProperty("user.home")));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return file == null ? null : file.toPath();
    }

    @Override
    public Path chooseFolderToScan() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(Messages.format("window.title.with", Messages.get("scan.chooser")));
        chooser.setInitialDirectory(new File(System.getProperty("user.home")));
        File folder = chooser.showDialog(owner.get());
        return folder == null ? null : folder.toPath();
    }

    private static FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.format("window.title.with", Messages.get(titleKey)));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.get("backup.chooser.zip"), "*.zip"),
                new FileChooser.ExtensionFilter(Messages.get("backup.chooser.all"), "*"));
        chooser.setInitialDirectory(new File(System.getProperty("user.home")));
        return chooser;
    }
}
