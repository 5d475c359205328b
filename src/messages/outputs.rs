//! The words of the progress report's downloads when they fail (the PDF's
//! failures are [`super::ExportFailure`]'s, shared with every export).

/// The browser refused to save the CSV file.
pub const CSV_DOWNLOAD_BLOCKED: &str =
    "El navegador no permitió descargar el archivo CSV. Intente de nuevo o use otro navegador.";
