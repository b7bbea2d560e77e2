// An area's lists page (AreaListPage): the link's fragment GROUP:NODE shows the customers of
// that group at that node only; no fragment shows every customer. A cell of no class is not
// evaluated. Texts are set, never parsed.
(function(){
  var t=document.getElementById('rows'),st=document.getElementById('stopped'),shown=document.getElementById('shown'),all=document.getElementById('all');
  var labels={met:'Met',not_met:'Not met',not_evaluated:'Not evaluated',growth:'With growth',decline:'In decline',no_change:'No change'};
  function apply(){
    var h=decodeURIComponent(location.hash.substring(1)),i=h.indexOf(':'),g=i>0?h.substring(0,i):'',node=i>0?h.substring(i+1):'';
    var col=-1,head=t.rows[0].cells,n=0;
    for(var k=0;k<head.length;k++)if(node&&head[k].getAttribute('data-node')===node)col=k;
    for(var r=1;r<t.rows.length;r++){
      var cell=t.rows[r].cells[col],show=col<0||(cell.className?cell.classList.contains(g):g==='not_evaluated');
      t.rows[r].hidden=!show;
      if(show)n++;
    }
    if(st){
      var first=(' '+st.getAttribute('data-gates')+' ').indexOf(' '+node+' ')>=0;
      var sh=col<0||(g==='not_met'&&first)||(g==='not_evaluated'&&!first);
      st.hidden=!sh;
      if(sh)n+=st.getElementsByTagName('a').length;
    }
    shown.textContent=col<0?'':'Showing '+head[col].firstChild.textContent+': '+(labels[g]||g)+', '+n+(n===1?' customer.':' customers.');
    all.hidden=col<0;
  }
  window.addEventListener('hashchange',apply);
  apply();
})();
