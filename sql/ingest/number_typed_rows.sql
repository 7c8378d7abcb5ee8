-- Row numbers for rows typed straight from a CSV file staged in place: `typed` keeps the file's order
-- (typing neither joins nor sorts), so a row's number is its position after the header.
UPDATE typed SET __row = (rowid + 1 + getvariable('staged_header_row'))::INTEGER;
