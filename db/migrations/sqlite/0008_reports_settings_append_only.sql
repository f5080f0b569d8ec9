-- Reference years and targets keep their history: a change is a new row, never an edit.
CREATE TRIGGER `report_settings_no_update` BEFORE UPDATE ON `report_settings`
BEGIN
	SELECT RAISE(ABORT, 'report_settings is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_no_delete` BEFORE DELETE ON `report_settings`
BEGIN
	SELECT RAISE(ABORT, 'report_settings is append-only');
END;
