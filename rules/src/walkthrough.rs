//! Guided walkthroughs of the guide's eight scenarios (being written).
