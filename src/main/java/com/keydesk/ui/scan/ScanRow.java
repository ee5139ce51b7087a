package com.keydesk.ui.scan;

/**
 * One finding in the table. Holds no secret: the key is kept only masked, and by its id when
 * the signed-in person may know it.
 *
 * @param file     the file, as shown
 * @param absolute the file's absolute path, for the audit entry of a revoke
 * @param keyId    null when the key is unknown to the signed-in person
 */
public record ScanRow(String file, String absolute, long line, long column, String masked, Long keyId,
                      String name, String owner, ScanStatus status) {

    public String position() {
        return line + ":" + column;
    }

    public String keyText() {
        return keyId == null ? "" : name + (owner == null ? "" : " (" + owner + ")");
    }

    ScanRow withStatus(ScanStatus changed) {
        return new ScanRow(file, absolute, line, column, masked, keyId, name, owner, changed);
    }
}
