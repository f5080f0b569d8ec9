-- A withdrawal is evidence like the avoided flight it withdraws: once written it never changes or
-- disappears. A flight switched again later is a new avoided_flights row, not an undone withdrawal.
CREATE TRIGGER `avoided_flight_withdrawals_no_update` BEFORE UPDATE ON `avoided_flight_withdrawals`
BEGIN
	SELECT RAISE(ABORT, 'avoided_flight_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `avoided_flight_withdrawals_no_delete` BEFORE DELETE ON `avoided_flight_withdrawals`
BEGIN
	SELECT RAISE(ABORT, 'avoided_flight_withdrawals is append-only');
END;
