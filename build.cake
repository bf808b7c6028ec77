// ScRepro's DAG: Download → Hash → Splits → Train → Evaluate → Card, plus Test, Bench and Clean.
// Thin by design: every stage calls the `screpro` CLI (src/ScRepro.Cli); the logic lives in src/ and is unit-tested.
#load "build/context.cake"
#load "build/screpro.cake"
#load "build/freshness.cake"
#load "build/tasks.cake"
#load "build/gpu-bundle.cake"

//////////////////////////////////////////////////////////////////////
// TARGETS (./build.sh --target=<name>; the tasks they aggregate are in build/tasks.cake)
//////////////////////////////////////////////////////////////////////
// Each stage can be the end of a run; Card (the default) runs the whole DAG. Test, Audit, Nightly, Bless, Bench,
// GpuBundle and Clean are targets of their own.
Task("Download").Description("Target: up to the Download stage").IsDependentOn("Stage-Download");
Task("Hash").Description("Target: up to the Hash stage").IsDependentOn("Stage-Hash");
Task("Splits").Description("Target: up to the Splits stage").IsDependentOn("Stage-Splits");
Task("Train").Description("Target: up to the Train stage").IsDependentOn("Stage-Train");
Task("Evaluate").Description("Target: up to the Evaluate stage").IsDependentOn("Stage-Evaluate");
Task("Card").Description("Target (default): the whole DAG, Download → Hash → Splits → Train → Evaluate → Card").IsDependentOn("Stage-Card");
Task("Default").Description("Same as Card").IsDependentOn("Card");

//////////////////////////////////////////////////////////////////////
// ARGUMENTS (the rest are read into PipelineContext, build/context.cake)
//////////////////////////////////////////////////////////////////////
var target = Argument("target", "Card");

//////////////////////////////////////////////////////////////////////
// SETUP
//////////////////////////////////////////////////////////////////////
Setup<PipelineContext>(ctx => PipelineContext.From(ctx));

//////////////////////////////////////////////////////////////////////
// EXECUTION
//////////////////////////////////////////////////////////////////////
RunTarget(target);
