//! Export: the export-document model (pure) and its renderings.
