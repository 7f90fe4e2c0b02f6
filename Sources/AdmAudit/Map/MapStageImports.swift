/// The stages before this one, when the stages are built as targets of their own (the
/// layering build of Package.swift, `ADMAUDIT_STAGES`): each stage re-exports the one before
/// it, so a stage sees every earlier stage and no later one. In the admaudit module itself
/// every stage is one module and nothing is imported.
#if ADMAUDIT_STAGES
@_exported import AdmAuditStagePipeline
#endif
